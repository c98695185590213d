from django.db import migrations

# Copied from aanbod/constants.py (labels in Dutch) so this migration never changes afterwards.
TERMEN = {
    "doelgroep": [
        ("iedereen", "Iedereen"),
        ("jongeren", "Jongeren (12–25 jaar)"),
        ("volwassenen", "Volwassenen"),
        ("senioren", "Senioren (65+)"),
        ("senioren-75", "Ouderen (75+)"),
        ("nieuwkomers", "Nieuwkomers"),
        ("mantelzorgers", "Mantelzorgers"),
        ("lhbtqi", "LHBTQI+"),
        ("beperking", "Mensen met een beperking"),
        ("rouwenden", "Mensen die rouwen"),
        ("gezinnen", "Ouders en kinderen"),
    ],
    "soort": [
        ("sociaal", "Sociale eenzaamheid"),
        ("emotioneel", "Emotionele eenzaamheid"),
        ("existentieel", "Existentiële eenzaamheid"),
    ],
    "type": [
        ("ontmoeting", "Ontmoeting"),
        ("samen-eten", "Samen eten"),
        ("bewegen", "Bewegen en wandelen"),
        ("creatief", "Creatief"),
        ("cursus", "Cursus"),
        ("digitaal", "Digitale vaardigheden"),
        ("maatje", "Maatje"),
        ("huisbezoek", "Huisbezoek"),
        ("luisterend-oor", "Luisterend oor / telefoon"),
        ("vervoer", "Vervoer"),
        ("lotgenoten", "Lotgenotencontact"),
        ("informatie", "Informatie en advies"),
        ("cultuur", "Cultuur en uitjes"),
        ("spel", "Spel"),
    ],
    "taal": [
        ("nl", "Nederlands"),
        ("en", "Engels"),
        ("ar", "Arabisch"),
        ("tr", "Turks"),
        ("pl", "Pools"),
        ("uk", "Oekraïens"),
        ("ti", "Tigrinya"),
        ("ngt", "Nederlandse Gebarentaal"),
    ],
    "vorm": [
        ("op-locatie", "Op locatie"),
        ("online", "Online"),
        ("telefonisch", "Telefonisch"),
        ("thuis", "Bij u thuis"),
    ],
}


def load(apps, schema_editor):
    Term = apps.get_model("aanbod", "Term")
    for vocabulaire, terms in TERMEN.items():
        for position, (code, label) in enumerate(terms):
            Term.objects.update_or_create(
                vocabulaire=vocabulaire,
                code=code,
                defaults={"label": label, "position": position},
            )


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
