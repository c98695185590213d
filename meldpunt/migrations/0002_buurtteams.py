from django.db import migrations

# The per-wijk care networks of the 2017 letter on loneliness (wethouder Zorg, "Samenvatting
# activiteiten rondom eenzaamheidsbestrijding per wijk"), one buurtteam each. The slug is the
# slug of the team's main wijk. Addresses are examples, not real mailboxes.
#
# Landelijk Gebied (heath, woods, scattered houses) has no network of its own in the letter.
# It goes to Noordoost: that network has the widest set of partners in the letter (Inovum,
# Amaris, MEE, Sherpa, Versa, Hilverzorg's district nurses), so it can best take a spread-out
# area on top of its own. Zuidoost would be the other sensible choice. Coverage is data: the
# admin can move the wijk to another team without a code change.
TEAMS = [
    ("centrum", "Buurtteam Centrum", ["centrum"]),
    ("zuidoost", "Buurtteam Zuidoost (Riebeeck)", ["zuidoost"]),
    ("zuid", "Buurtteam Zuid", ["zuid"]),
    ("noordwest", "Buurtteam Noordwest", ["noordwest"]),
    ("zuidwest", "Buurtteam Zuidwest", ["zuidwest"]),
    ("hilversumse-meent", "Buurtteam Hilversumse Meent", ["hilversumse-meent"]),
    ("oost", "Buurtteam Oost (HOOST)", ["oost"]),
    ("noordoost", "Buurtteam Noordoost", ["noordoost", "landelijk-gebied"]),
]


def load(apps, schema_editor):
    Buurtteam = apps.get_model("meldpunt", "Buurtteam")
    BuurtteamWijk = apps.get_model("meldpunt", "BuurtteamWijk")
    Wijk = apps.get_model("wijken", "Wijk")
    wijken = {w.slug: w for w in Wijk.objects.all()}
    for slug, name, wijk_slugs in TEAMS:
        team, _ = Buurtteam.objects.get_or_create(
            slug=slug, defaults={"name": name, "email": f"buurtteam-{slug}@example.org"}
        )
        for wijk_slug in wijk_slugs:
            if wijk_slug in wijken:
                BuurtteamWijk.objects.get_or_create(
                    wijk=wijken[wijk_slug], defaults={"buurtteam": team}
                )


def unload(apps, schema_editor):
    apps.get_model("meldpunt", "Buurtteam").objects.filter(
        slug__in=[slug for slug, _, _ in TEAMS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("meldpunt", "0001_initial"), ("wijken", "0002_load_wijken")]
    operations = [migrations.RunPython(load, unload)]
