# Hilversum's nine districts with their CBS codes (Wijk- en Buurtkaart). The data migration
# copies this list, so that later edits here do not rewrite history.
HILVERSUM_CODE = "GM0402"
WIJKEN = [
    ("WK040201", "Centrum"),
    ("WK040202", "Noordwest"),
    ("WK040203", "Zuidwest"),
    ("WK040204", "Zuid"),
    ("WK040205", "Zuidoost"),
    ("WK040206", "Oost"),
    ("WK040207", "Noordoost"),
    ("WK040208", "Hilversumse Meent"),
    ("WK040209", "Landelijk Gebied"),
]
