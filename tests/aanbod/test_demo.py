from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import serializers
from django.db.models import Q

from aanbod import demo
from aanbod.constants import Herhaling
from aanbod.models import Activiteit, Locatie, Rooster, RoosterUitzondering
from coalitie.models import Organisatie
from wijken.models import Wijk

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=AMS)
WIJK_SLUGS = [
    "centrum",
    "noordwest",
    "zuidwest",
    "zuid",
    "zuidoost",
    "oost",
    "noordoost",
    "hilversumse-meent",
    "landelijk-gebied",
]


@pytest.fixture
def seeded(db):
    return demo.seed(today=TODAY, now=NOW)


def snapshot() -> str:
    objects = []
    for model in (Organisatie, Locatie, Activiteit, Rooster, RoosterUitzondering):
        objects.extend(model.objects.order_by("pk"))
    return serializers.serialize("json", objects)


def activity(slug: str) -> Activiteit:
    return Activiteit.objects.prefetch_related("wijken", "roosters__locatie").get(slug=slug)


@pytest.mark.sqlite
def test_demo_has_at_least_40_public_activities(seeded):
    assert seeded >= 40
    assert Activiteit.objects.public(now=NOW).count() == Activiteit.objects.count() >= 40


@pytest.mark.sqlite
def test_every_wijk_has_at_least_three_activities_and_one_of_its_own(seeded):
    public = Activiteit.objects.public(now=NOW)
    for wijk in Wijk.objects.filter(slug__in=WIJK_SLUGS):
        serving = public.filter(Q(heel_hilversum=True) | Q(wijken=wijk)).distinct()
        assert serving.count() >= 3, wijk.slug
        assert public.filter(wijken=wijk).exists(), wijk.slug
    assert Wijk.objects.filter(slug__in=WIJK_SLUGS).count() == 9


@pytest.mark.sqlite
def test_the_luisterlijn_is_there_day_and_night_by_phone_for_all_of_hilversum(seeded):
    luisterlijn = activity("luisterlijn")
    assert luisterlijn.contact_phone == "088 0767 000"
    assert luisterlijn.heel_hilversum
    # Always open: no schedule, so it never shows a "next time" of midnight.
    assert not luisterlijn.roosters.exists()
    assert "dag en nacht" in luisterlijn.short_description.lower()
    assert "(voorbeeld)" not in luisterlijn.name
    assert {t.code for t in luisterlijn.terms.all()} >= {"luisterend-oor", "telefonisch"}


# (slug, organisation slug, a wijk it serves or None for all of Hilversum)
NAMED_INITIATIVES = [
    ("senver-wandelen", "senver", None),
    ("senver-scrabble", "senver", None),
    ("senver-dagtochten", "senver", None),
    ("senver-filosofie", "senver", None),
    ("senver-huisbezoek", "senver", None),
    ("senver-maatjes-service", "senver", None),
    ("senver-cultuurkring", "senver", None),
    ("friends4friends", "present-hilversum", None),
    ("maatjesproject", "maatjesproject", None),
    ("versa-huisbezoek-75-plus", "versa-welzijn", None),
    ("versa-jongerenwerk-vakantie", "versa-welzijn", None),
    ("buurtmobi-kerkelanden", "buurtmobi-kerkelanden", "noordoost"),
    ("heikracht-maaltijd-bethlehemkerk", "heikracht", "zuid"),
    ("riksja-ritten", "riksja-vrijwilligers-zuid", "zuid"),
    ("samen-spelen-boomberg", "zorgnetwerk-noordwest", "noordwest"),
    ("meentbewoners-voor-meentbewoners", "stichting-hilversumse-meent", "hilversumse-meent"),
    ("senioren-eetcafe-meent", "stichting-hilversumse-meent", "hilversumse-meent"),
    ("meent-cultureel", "stichting-hilversumse-meent", "hilversumse-meent"),
    ("informatiepunt-zorg-en-welzijn-meent", "stichting-hilversumse-meent", "hilversumse-meent"),
    ("sint-joseph-ontmoeting", "hoost", "oost"),
    ("lopes-dias-warme-maaltijd", "wijkcentrum-lopes-dias", "noordoost"),
    ("lopes-dias-koffieochtend", "wijkcentrum-lopes-dias", "noordoost"),
    ("lopes-dias-bridge", "wijkcentrum-lopes-dias", "noordoost"),
    ("erfgooiers-gratis-maaltijd", "gezamenlijke-kerken-noordoost", "noordoost"),
    ("huis-van-de-buurt-ontmoeting", "wijk-en-zorgnetwerk-riebeeck", "zuidoost"),
    ("huis-van-de-buurt-spreekuur-huisarts", "wijk-en-zorgnetwerk-riebeeck", "zuidoost"),
    ("hoorneboeg-workshops-jongeren", "buitenplaats-de-hoorneboeg", "landelijk-gebied"),
]


@pytest.mark.sqlite
def test_the_initiatives_the_programme_documents_name_are_there(seeded):
    for slug, organisation, wijk in NAMED_INITIATIVES:
        found = activity(slug)
        assert found.organisatie.slug == organisation, slug
        assert "(voorbeeld)" not in found.name, slug
        assert found.heel_hilversum or wijk in {w.slug for w in found.wijken.all()}, slug
        if wijk:
            assert wijk in {w.slug for w in found.wijken.all()}, slug


@pytest.mark.sqlite
def test_meals_twice_a_week_in_lopes_dias_and_monthly_free_meal_in_the_erfgooiersspeeltuin(seeded):
    [meal] = activity("lopes-dias-warme-maaltijd").roosters.all()
    assert meal.herhaling == Herhaling.WEKELIJKS and len(meal.weekdays) == 2
    assert meal.locatie.name == "Wijkcentrum Lopes Dias"
    free = activity("erfgooiers-gratis-maaltijd")
    assert free.is_free
    assert free.roosters.get().herhaling == Herhaling.MAANDELIJKS


@pytest.mark.sqlite
def test_the_uit_de_schaduw_festival_is_on_the_next_29_june_with_get_it_done(seeded):
    festival = activity("uit-de-schaduw-festival")
    [rooster] = festival.roosters.all()
    assert rooster.herhaling == Herhaling.EENMALIG
    assert rooster.start_date == date(2027, 6, 29)
    assert rooster.locatie.name == "Buitenplaats De Hoorneboeg"
    assert "Get it Done" in festival.description


@pytest.mark.sqlite
def test_the_festival_date_in_june_is_this_years_when_seeded_before_it(db):
    demo.seed(today=date(2027, 6, 1), now=NOW)
    assert activity("uit-de-schaduw-festival").roosters.get().start_date == date(2027, 6, 29)


@pytest.mark.sqlite
def test_example_entries_say_they_are_examples(seeded):
    examples = Activiteit.objects.filter(organisatie__slug="bewonersinitiatief-voorbeeld")
    assert examples.count() >= 10
    for activiteit in Activiteit.objects.filter(name__contains="(voorbeeld)"):
        assert activiteit.description.startswith("Dit is een voorbeeld"), activiteit.slug
    for activiteit in examples:
        assert "(voorbeeld)" in activiteit.name, activiteit.slug


@pytest.mark.sqlite
def test_made_up_times_of_real_initiatives_are_marked_as_examples(seeded):
    for rooster in Rooster.objects.select_related("activiteit"):
        if rooster.activiteit.slug == "luisterlijn":
            assert rooster.note == ""  # "dag en nacht" comes from the programme itself
            continue
        assert rooster.note == "Voorbeeldtijden", rooster.activiteit.slug
        assert "voorbeeld" in rooster.activiteit.description.lower()


@pytest.mark.sqlite
def test_no_invented_contact_details_for_real_organisations(seeded):
    phones = set(Activiteit.objects.exclude(contact_phone="").values_list("slug", flat=True))
    assert phones == {"luisterlijn"}
    emails = Activiteit.objects.exclude(contact_email="").values_list("contact_email", flat=True)
    assert emails and all(email.endswith("@example.org") for email in emails)
    assert not Organisatie.objects.exclude(email="").exists()


@pytest.mark.sqlite
def test_every_demo_row_passes_model_validation(seeded):
    for model in (Activiteit, Locatie, Rooster, RoosterUitzondering):
        for row in model.objects.all():
            row.full_clean()
    assert RoosterUitzondering.objects.exists()


@pytest.mark.sqlite
def test_demo_activities_are_indexed_for_search_and_next_date(seeded):
    maaltijd = Activiteit.objects.get(slug="lopes-dias-warme-maaltijd")
    assert "wijkcentrum lopes dias" in maaltijd.search_text
    assert maaltijd.next_occurrence is not None
    # Home visits have no schedule, so no next date; everything with a schedule has one.
    without = Activiteit.objects.filter(roosters__isnull=False, next_occurrence__isnull=True)
    assert not without.exists()


@pytest.mark.sqlite
def test_seeding_twice_changes_nothing(seeded):
    first = snapshot()
    assert demo.seed(today=TODAY, now=datetime(2026, 12, 1, tzinfo=AMS)) == 0
    assert snapshot() == first


@pytest.mark.sqlite
def test_seeding_repairs_an_edited_activity_without_confirming_it_again(seeded):
    activiteit = Activiteit.objects.get(slug="senver-scrabble")
    assured_at = activiteit.assured_at
    Activiteit.objects.filter(pk=activiteit.pk).update(name="Iets anders", search_text="")
    activiteit.roosters.all().delete()

    assert demo.seed(today=TODAY, now=datetime(2026, 12, 1, tzinfo=AMS)) == 1

    activiteit.refresh_from_db()
    assert activiteit.name == "Scrabbelen bij Senver"
    assert activiteit.assured_at == assured_at
    assert activiteit.roosters.count() == 1
    assert "scrabbelen" in activiteit.search_text
