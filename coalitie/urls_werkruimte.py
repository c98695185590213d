"""URLs of this part; filled in by its views."""

app_name = "coalitie_werkruimte"

urlpatterns: list = []
