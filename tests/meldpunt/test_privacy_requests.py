"""Requests of data subjects: search a person, open, export and erase their data; all logged."""

import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.core import serializers
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt import privacy
from meldpunt.constants import ContactKanaal, MelderRol, Status, ToegangSoort, Uitkomst
from meldpunt.constants_privacy import VerzoekActieSoort, Vindplaats, ZoekSoort
from meldpunt.models import (
    ContactPoging,
    Melding,
    Notitie,
    Toegang,
    Uitbericht,
    Verzoek,
    VerzoekActie,
    VerzoekTreffer,
)
from meldpunt.retention import retention_apply
from meldpunt.services import Contact
from tests.factories import UserFactory
from tests.meldpunt.test_case_support import NOW, force_status, new_melding
from tests.meldpunt.test_retention import CLOSED, closed_melding

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

SEARCH = "/werkruimte/privacy/"


def search(client, **data):
    """Post the search form; returns the response (a redirect to the request when valid)."""
    fields = {
        "naam": "",
        "email": "",
        "telefoon": "",
        "straat": "",
        "postcode": "",
        "huisnummer": "",
    }
    return client.post(SEARCH, {**fields, **data})


def verzoek_of(response) -> Verzoek:
    assert response.status_code == 302, response.content.decode()[:500]
    return Verzoek.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def hits(verzoek) -> dict[str, list[str]]:
    return {t.melding.reference: t.vindplaatsen for t in verzoek.treffers.select_related("melding")}


def url(verzoek, suffix="", refs=()):
    query = "&".join(f"m={ref}" for ref in refs)
    return f"{SEARCH}{verzoek.pk}/{suffix}" + (f"?{query}" if query else "")


def close(melding, *, at=CLOSED):
    force_status(melding, Status.AFGESLOTEN)
    Melding.objects.filter(pk=melding.pk).update(closed_at=at, outcome=Uitkomst.HULP_NIET_GEWENST)
    melding.refresh_from_db()
    return melding


@pytest.fixture
def coordinator(client, coordinator_user):
    client.force_login(coordinator_user)
    return coordinator_user


# --- search ----------------------------------------------------------------------------------


def test_name_finds_the_person_concerned_and_a_note_that_names_them(client, coordinator):
    own = new_melding()
    named = new_melding(person=Contact(name="Els de Boer"))
    Notitie.objects.create(melding=named, text="Buurman Jan Jansen komt ook kijken.")
    new_melding(person=Contact(name="Piet Klaassen"), reporter=Contact())
    verzoek = verzoek_of(search(client, naam="jan  JANSEN"))
    assert hits(verzoek) == {
        own.reference: [Vindplaats.BETROKKENE_NAAM],
        named.reference: [Vindplaats.NOTITIE],
    }
    assert verzoek.searched_on == [ZoekSoort.NAAM]


def test_email_finds_the_reporter_and_the_receipt_sent_to_them(client, coordinator):
    melding = new_melding()
    verzoek = verzoek_of(search(client, email="Piet@Example.org"))
    assert hits(verzoek) == {melding.reference: [Vindplaats.MELDER_EMAIL, Vindplaats.EMAIL]}


def test_phone_is_found_however_it_is_typed_also_in_contact_notes(client, coordinator):
    melding = new_melding()
    other = new_melding(person=Contact(name="Els de Boer"), reporter=Contact())
    ContactPoging.objects.create(
        melding=other, channel=ContactKanaal.TELEFOON, note="Zoon gebeld: 035-1234567"
    )
    verzoek = verzoek_of(search(client, telefoon="+31 35 123 4567"))
    assert hits(verzoek) == {melding.reference: [Vindplaats.BETROKKENE_TELEFOON]}
    verzoek = verzoek_of(search(client, telefoon="035-1234567"))
    assert hits(verzoek)[other.reference] == [Vindplaats.CONTACTPOGING]


def test_address_by_postcode_and_number_or_by_street(client, coordinator, postcodes):
    melding = new_melding(wijk=None, postcode="1223 ab", huisnummer="12 A", street="Kerkstraat")
    new_melding(wijk=None, postcode="1223AB", huisnummer="14", person=Contact(name="X"))
    by_postcode = verzoek_of(search(client, postcode="1223ab", huisnummer="12a"))
    assert hits(by_postcode) == {melding.reference: [Vindplaats.BETROKKENE_ADRES]}
    by_street = verzoek_of(search(client, straat="kerkstr", huisnummer="12A"))
    assert hits(by_street) == {melding.reference: [Vindplaats.BETROKKENE_ADRES]}
    assert by_street.searched_on == [ZoekSoort.ADRES]


def test_search_is_posted_and_the_request_page_holds_no_term(client, coordinator):
    new_melding()
    response = search(client, naam="Jansen", telefoon="035 123 4567")
    verzoek = verzoek_of(response)
    assert response["Location"] == f"{SEARCH}{verzoek.pk}/"
    assert client.get(SEARCH + "?naam=Jansen").status_code == 200  # GET never searches
    assert Verzoek.objects.count() == 1


def test_the_log_keeps_kinds_and_hits_but_never_the_terms(client, coordinator):
    new_melding()
    verzoek = verzoek_of(
        search(client, naam="Jansen", email="piet@example.org", telefoon="0351234567")
    )
    stored = serializers.serialize(
        "json",
        [verzoek, *VerzoekTreffer.objects.all(), *VerzoekActie.objects.all()],
    ).lower()
    for term in ("jansen", "piet@example.org", "0351234567", "351234567"):
        assert term not in stored
    assert verzoek.searched_on == [ZoekSoort.NAAM, ZoekSoort.EMAIL, ZoekSoort.TELEFOON]
    assert verzoek.user == coordinator


def test_hits_show_references_and_places_but_no_personal_data(client, coordinator):
    melding = new_melding()
    verzoek = verzoek_of(search(client, naam="Jansen"))
    html = client.get(url(verzoek)).content.decode()
    assert melding.reference in html and "Over wie: naam" in html
    for private in ("Jan Jansen", "0351234567", "Piet Buur", "buurman komt niet"):
        assert private not in html
    assert Toegang.objects.count() == 0


def test_empty_search_asks_for_one_identifier_and_stores_nothing(client, coordinator):
    response = search(client)
    assert response.status_code == 200
    assert "Vul minstens één gegeven in" in response.content.decode()
    assert Verzoek.objects.count() == 0


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"postcode": "abc", "huisnummer": "1"}, "postcode", "Vul een postcode in zoals"),
        ({"postcode": "1223AB"}, "huisnummer", "ook het huisnummer"),
        ({"huisnummer": "12"}, "postcode", "ook de postcode of straat"),
        ({"email": "geen-adres"}, "email", "Vul een e-mailadres in"),
        ({"telefoon": "12"}, "telefoon", "geldig telefoonnummer"),
        ({"naam": "J"}, "naam", "minstens twee letters"),
    ],
)
def test_wrong_input_is_explained_and_kept(client, coordinator, data, field, message):
    response = search(client, **data)
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert 'id="foutmeldingen"' in html and f'href="#id_{field}"' in html
    for value in data.values():
        assert f'value="{value}"' in html
    assert Verzoek.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        {"naam": "Jan\x00Jansen"},
        {"naam": "x" * 5000},
        {"naam": "<script>alert(1)</script>"},
        {"naam": "'; DROP TABLE meldpunt_melding; --"},
        {"straat": "%_%", "huisnummer": "1"},
        {"email": "a@b.nl\r\nBcc: x@y.nl"},
    ],
)
def test_hostile_input_never_breaks_the_search(client, coordinator, data):
    new_melding()
    response = search(client, **data)
    assert response.status_code in (200, 302)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_likely_wildcards_are_taken_literally(client, coordinator):
    new_melding()
    assert hits(verzoek_of(search(client, naam="%%"))) == {}
    assert hits(verzoek_of(search(client, naam="__"))) == {}


def test_too_many_hits_are_cut_off_and_said(client, coordinator, monkeypatch):
    monkeypatch.setattr(privacy, "MAX_HITS", 2)
    first = new_melding(person=Contact(name="Jan Jansen"))
    for _ in range(2):
        # Each gets its own note. (Melding.objects.first() picked one of equal created_at
        # values, sometimes the same melding twice.)
        Notitie.objects.create(
            melding=new_melding(person=Contact(name="Els")), text="Jansen belde."
        )
    verzoek = verzoek_of(search(client, naam="Jansen"))
    assert verzoek.truncated and len(hits(verzoek)) == 2
    # Found by name first: the one about the person themself stays in.
    assert first.reference in hits(verzoek)
    assert "Er zijn meer dan" in client.get(url(verzoek)).content.decode()


# --- opening ---------------------------------------------------------------------------------


def test_opening_chosen_meldingen_logs_each_in_the_access_log(client, coordinator):
    a, b = new_melding(), new_melding()
    new_melding()  # found too, but not chosen
    verzoek = verzoek_of(search(client, naam="Jansen"))
    response = client.get(url(verzoek, "gegevens/", [a.reference, b.reference]))
    html = response.content.decode()
    assert response.status_code == 200 and "Jan Jansen" in html and "Piet Buur" in html
    rows = set(Toegang.objects.values_list("user", "melding", "what"))
    assert rows == {(coordinator.pk, m.pk, ToegangSoort.DETAIL) for m in (a, b)}
    actie = VerzoekActie.objects.get()
    assert actie.kind == VerzoekActieSoort.INZAGE and actie.user == coordinator
    assert set(actie.meldingen.all()) == {a, b}


def test_a_reference_outside_the_request_opens_nothing(client, coordinator):
    new_melding()
    stranger = new_melding(person=Contact(name="Els de Boer"), reporter=Contact())
    verzoek = verzoek_of(search(client, naam="Jansen"))
    for refs in ([stranger.reference], ["nonsense", "<x>"], []):
        response = client.get(url(verzoek, "gegevens/", refs))
        assert response.status_code == 302 and response["Location"] == url(verzoek)
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == "Kies minstens één melding."
    assert Toegang.objects.count() == 0 and VerzoekActie.objects.count() == 0


def test_unknown_request_is_404(client, coordinator):
    assert client.get(f"{SEARCH}999/").status_code == 404
    assert client.get(f"{SEARCH}999/gegevens/?m=HV-2222-2222").status_code == 404
    assert client.get(f"{SEARCH}{'9' * 30}/").status_code == 404


# --- export ----------------------------------------------------------------------------------


def export(client, verzoek, refs, formaat):
    return client.post(url(verzoek, "downloaden/"), {"m": refs, "formaat": formaat})


def test_json_export_is_a_private_download_and_logged(client, coordinator):
    melding = new_melding()
    verzoek = verzoek_of(search(client, naam="Jansen"))
    response = export(client, verzoek, [melding.reference], "json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('.json"')
    assert "Jansen" not in disposition
    assert "no-store" in response["Cache-Control"]
    document = json.loads(response.content)
    entry = document["meldingen"][0]
    assert entry["kenmerk"] == melding.reference
    assert entry["over_wie"]["naam"] == "Jan Jansen"
    assert Toegang.objects.get().what == ToegangSoort.EXPORT
    actie = VerzoekActie.objects.get()
    assert (actie.kind, actie.formaat) == (VerzoekActieSoort.EXPORT, "json")


def test_text_export_reads_as_a_letter(client, coordinator):
    melding = new_melding()
    Notitie.objects.create(melding=melding, text="Eerste regel.\nTweede regel.")
    verzoek = verzoek_of(search(client, naam="Jansen"))
    response = export(client, verzoek, [melding.reference], "txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].endswith('.txt"')
    text = response.content.decode()
    assert f"Melding {melding.reference}" in text
    assert "Naam: Jan Jansen" in text
    assert "Tekst: Eerste regel.\n      Tweede regel." in text


def test_the_person_concerned_does_not_learn_who_reported(client, coordinator):
    melding = new_melding()
    verzoek = verzoek_of(search(client, telefoon="0351234567"))
    content = export(client, verzoek, [melding.reference], "json").content.decode()
    assert "Jan Jansen" in content
    assert "Piet Buur" not in content and "piet@example.org" not in content
    assert json.loads(content)["meldingen"][0]["melder"] == {"rol": "Bewoner of buur"}


def test_the_reporter_gets_their_own_data_not_the_person_concerned(client, coordinator):
    melding = new_melding()
    Notitie.objects.create(melding=melding, text="Dochter belt terug.")
    verzoek = verzoek_of(search(client, email="piet@example.org"))
    entry = json.loads(export(client, verzoek, [melding.reference], "json").content)
    entry = entry["meldingen"][0]
    assert entry["melder"]["email"] == "piet@example.org"
    assert "over_wie" not in entry and "notities" not in entry
    assert "Jan Jansen" not in json.dumps(entry) and "0351234567" not in json.dumps(entry)
    assert [mail["aan"] for mail in entry["emails"]] == ["piet@example.org"]


def test_someone_reporting_about_themself_gets_everything(client, coordinator):
    melding = new_melding(
        about_self=True, person=Contact(name="Ans Smit", phone="0359876543"), reporter=Contact()
    )
    verzoek = verzoek_of(search(client, naam="Ans Smit"))
    entry = json.loads(export(client, verzoek, [melding.reference], "json").content)["meldingen"][0]
    assert set(entry["uw_rol"]) == {"Melder", "Persoon over wie de melding gaat"}
    assert entry["over_wie"]["telefoon"] == "0359876543"


def test_someone_named_in_a_note_gets_that_note_and_nothing_of_the_case(client, coordinator):
    melding = new_melding()
    Notitie.objects.create(melding=melding, text="Buurvrouw Els de Boer helpt soms.")
    Notitie.objects.create(melding=melding, text="Jan wil eigenlijk geen hulp.")
    verzoek = verzoek_of(search(client, naam="els de boer"))
    entry = json.loads(export(client, verzoek, [melding.reference], "json").content)
    entry = entry["meldingen"][0]
    assert entry["uw_rol"] == ["Genoemd in een tekst"]
    assert [n["tekst"] for n in entry["notities"]] == ["Buurvrouw Els de Boer helpt soms."]
    for key in ("status", "wijk", "melder", "over_wie", "toelichting", "geschiedenis"):
        assert key not in entry


@pytest.mark.parametrize("shared", [False, True])
def test_the_reporter_hears_the_outcome_only_when_the_person_agreed(client, coordinator, shared):
    melding = close(new_melding())
    Melding.objects.filter(pk=melding.pk).update(outcome_may_be_shared=shared)
    verzoek = verzoek_of(search(client, email="piet@example.org"))
    entry = json.loads(export(client, verzoek, [melding.reference], "json").content)
    entry = entry["meldingen"][0]
    assert entry["status"] == "Afgesloten"
    assert ("uitkomst" in entry) is shared


def test_export_with_a_wrong_form_shows_the_page_again(client, coordinator):
    melding = new_melding()
    verzoek = verzoek_of(search(client, naam="Jansen"))
    response = export(client, verzoek, [melding.reference], "pdf")
    assert response.status_code == 200
    assert "Kies de vorm van het bestand." in response.content.decode()
    assert not VerzoekActie.objects.filter(kind=VerzoekActieSoort.EXPORT).exists()


# --- erasure ---------------------------------------------------------------------------------

PERSONAL = (
    "de vries",
    "devries@example.org",
    "0351234567",
    "kerkstraat",
    "pieters",
    "melder@example.org",
    "0612345678",
    "anna",
    "dokter bakker",
    "zoon regelt",
    "beste melder",
)


def personal_data_left(melding_ids) -> list[str]:
    """Every text value in any meldpunt row of these meldingen that still holds personal data."""
    found = []
    for model in apps.get_app_config("meldpunt").get_models():
        texts = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if model is Melding:
            rows = model.objects.filter(pk__in=melding_ids)
        elif any(f.name == "melding" for f in model._meta.concrete_fields):
            rows = model.objects.filter(melding_id__in=melding_ids)
        else:
            rows = model.objects.all()  # the logs: everything in them
        for values in rows.values(*texts):
            for name, value in values.items():
                text = json.dumps(value).lower() if not isinstance(value, str) else value.lower()
                found += [f"{model.__name__}.{name}: {p}" for p in PERSONAL if p in text]
    return found


def erase(client, verzoek, refs, word="WISSEN"):
    return client.post(url(verzoek, "wissen/"), {"m": refs, "bevestiging": word})


def test_erasure_leaves_no_personal_data_of_the_person_in_any_field(client, coordinator, postcodes):
    melding = closed_melding()
    other = closed_melding(person=Contact(name="Bakker"), reporter=Contact(), postcode="1216BB")
    assert personal_data_left([melding.pk])  # the check sees the data before
    verzoek = verzoek_of(search(client, naam="De Vries", telefoon="035 123 4567"))
    client.get(url(verzoek, "gegevens/", [melding.reference]))
    export(client, verzoek, [melding.reference], "json")
    response = erase(client, verzoek, [melding.reference], word=" wissen ")
    assert response.status_code == 302 and response["Location"] == url(verzoek)
    assert personal_data_left([melding.pk]) == []
    other.refresh_from_db()
    assert other.betrokkene.name == "Bakker" and other.anonymised_at is None


def test_erasure_keeps_the_figures_as_the_retention_job_does(client, coordinator, postcodes):
    melding = closed_melding()
    verzoek = verzoek_of(search(client, naam="De Vries"))
    erase(client, verzoek, [melding.reference])
    melding.refresh_from_db()
    assert melding.wijk.slug == "noordoost" and melding.closed_at == CLOSED
    assert melding.melder.role == MelderRol.PROFESSIONAL
    assert sorted(melding.signalen.values_list("code", flat=True)) == ["somber", "verlies"]
    assert (melding.status, melding.outcome, melding.urgent) == (
        Status.AFGESLOTEN,
        Uitkomst.NAAR_AANBOD,
        True,
    )
    assert list(melding.verwijzingen.values_list("kind", flat=True)) == ["huisarts"]
    assert melding.anonymised_at is not None and melding.contact_erased_at is not None
    # The job later finds nothing left to do.
    report = retention_apply(now=CLOSED + timedelta(days=400))
    assert (report.contact_erased, report.anonymised) == (0, 0)


def test_erasure_equals_the_retention_job_field_for_field(client, coordinator, postcodes):
    by_request = closed_melding()
    by_job = closed_melding(postcode="1216BB")
    verzoek = verzoek_of(search(client, postcode="1223AB", huisnummer="12"))
    erase(client, verzoek, [by_request.reference])
    retention_apply(now=CLOSED + timedelta(days=400))

    def state(melding):
        melding = Melding.objects.get(pk=melding.pk)
        return (
            (melding.text, melding.melder.name, melding.melder.email, melding.melder.phone),
            vars(melding.betrokkene) | {"_state": None, "id": None, "melding_id": None},
            list(melding.notities.values_list("text", flat=True)),
            list(melding.contactpogingen.values_list("note", flat=True)),
            list(melding.verwijzingen.values_list("description", flat=True)),
            list(melding.statuswijzigingen.values_list("reason", flat=True)),
            sorted(melding.uitberichten.values_list("kind", "recipient", "body", "attempts")),
        )

    assert state(by_request) == state(by_job)


def test_erasure_needs_the_typed_word_and_changes_nothing_without_it(
    client, coordinator, postcodes
):
    melding = closed_melding()
    verzoek = verzoek_of(search(client, naam="De Vries"))
    page = client.get(url(verzoek, "wissen/", [melding.reference])).content.decode()
    assert "Typ WISSEN om te bevestigen" in page and melding.reference in page
    assert "De Vries" not in page  # the confirmation shows references only
    for word in ("", "ja", "wis"):
        response = erase(client, verzoek, [melding.reference], word=word)
        assert response.status_code == 200 and 'id="foutmeldingen"' in response.content.decode()
    melding.refresh_from_db()
    assert melding.anonymised_at is None and melding.betrokkene.name == "De Vries"
    assert not VerzoekActie.objects.filter(kind=VerzoekActieSoort.WISSEN).exists()


def test_open_melding_is_left_alone_and_named(client, coordinator, postcodes):
    done = closed_melding()
    still_open = closed_melding(status=Status.OPGEPAKT, closed_at=None, postcode="1216BB")
    verzoek = verzoek_of(search(client, naam="De Vries"))
    page = client.get(url(verzoek, "wissen/", [done.reference, still_open.reference]))
    assert "Deze meldingen zijn nog open" in page.content.decode()
    response = erase(client, verzoek, [done.reference, still_open.reference])
    message = [str(m) for m in get_messages(response.wsgi_request)][0]
    assert done.reference in message and f"niet gewist: {still_open.reference}" in message
    still_open.refresh_from_db()
    assert still_open.betrokkene.name == "De Vries" and still_open.anonymised_at is None


def test_only_open_meldingen_gives_no_form_and_a_post_is_refused(client, coordinator):
    melding = new_melding()
    verzoek = verzoek_of(search(client, naam="Jansen"))
    page = client.get(url(verzoek, "wissen/", [melding.reference])).content.decode()
    assert "Er is niets dat u nu kunt wissen." in page and 'name="bevestiging"' not in page
    response = erase(client, verzoek, [melding.reference])
    assert "Geen van deze meldingen kan nu gewist worden." in response.content.decode()
    melding.refresh_from_db()
    assert melding.anonymised_at is None


def test_erasure_is_logged_with_who_when_and_which(client, coordinator, postcodes):
    melding = closed_melding()
    close(new_melding(wijk="zuid", person=Contact(name="De Vries")))
    verzoek = verzoek_of(search(client, naam="De Vries"))
    erase(client, verzoek, [melding.reference])
    actie = VerzoekActie.objects.get(kind=VerzoekActieSoort.WISSEN)
    assert actie.user == coordinator and list(actie.meldingen.all()) == [melding]
    html = client.get(url(verzoek)).content.decode()
    assert "Gegevens gewist" in html and "Gewist op" in html


# --- who may -------------------------------------------------------------------------------


def every_url(verzoek, ref):
    return [
        ("get", SEARCH, {}),
        ("post", SEARCH, {"naam": "Jansen"}),
        ("get", url(verzoek), {}),
        ("get", url(verzoek, "gegevens/", [ref]), {}),
        ("post", url(verzoek, "downloaden/"), {"m": ref, "formaat": "json"}),
        ("get", url(verzoek, "wissen/", [ref]), {}),
        ("post", url(verzoek, "wissen/"), {"m": ref, "bevestiging": "WISSEN"}),
    ]


@pytest.mark.parametrize(
    "fixture", ["kartrekker_user", "buurtteam_user", "kerngroep_user", "aanbieder_user"]
)
def test_other_roles_get_403_everywhere_and_nothing_is_logged(request, client, fixture):
    melding = close(new_melding())
    verzoek = privacy.verzoek_search(
        user=UserFactory(), vraag=privacy.Zoekvraag(naam="Jansen"), now=NOW
    )
    client.force_login(request.getfixturevalue(fixture))
    for method, address, data in every_url(verzoek, melding.reference):
        assert getattr(client, method)(address, data).status_code == 403, address
    assert Toegang.objects.count() == 0 and VerzoekActie.objects.count() == 0
    assert Verzoek.objects.count() == 1


def test_anonymous_visitor_goes_to_the_login(client):
    melding = close(new_melding())
    verzoek = privacy.verzoek_search(
        user=UserFactory(), vraag=privacy.Zoekvraag(naam="Jansen"), now=NOW
    )
    for method, address, data in every_url(verzoek, melding.reference):
        response = getattr(client, method)(address, data)
        assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    melding.refresh_from_db()
    assert melding.anonymised_at is None


def test_superuser_may_handle_requests(client):
    new_melding()
    client.force_login(UserFactory(is_superuser=True))
    assert hits(verzoek_of(search(client, naam="Jansen")))


def test_coordinator_finds_the_links_on_the_search_page(client, coordinator):
    html = client.get(SEARCH).content.decode()
    assert 'method="post"' in html and reverse("meldpunt:toegang_log") in html


def test_search_page_lists_earlier_requests_at_a_fixed_cost(client, coordinator):
    new_melding()
    search(client, naam="Jansen")
    client.get(SEARCH)
    few = count(client, "get", SEARCH)
    for _ in range(8):
        verzoek = verzoek_of(search(client, naam="Jansen"))
        client.get(url(verzoek, "gegevens/", [Melding.objects.first().reference]))
    assert count(client, "get", SEARCH) == few
    html = client.get(SEARCH).content.decode()
    assert "Gegevens bekeken" in html and "1 melding" in html


# --- query counts ----------------------------------------------------------------------------


def count(client, method, address, data=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(address, data or {})
    assert response.status_code in (200, 302)
    return len(queries)


def test_search_and_request_pages_cost_the_same_for_2_and_12_hits(client, coordinator):
    for _ in range(2):
        Notitie.objects.create(melding=new_melding(), text="Jansen gebeld.")
    client.get(SEARCH)
    few_search = count(client, "post", SEARCH, {"naam": "Jansen", "email": "piet@example.org"})
    few = Verzoek.objects.latest("pk")
    few_page = count(client, "get", url(few))
    for _ in range(10):
        Notitie.objects.create(melding=new_melding(), text="Jansen gebeld.")
    many_search = count(client, "post", SEARCH, {"naam": "Jansen", "email": "piet@example.org"})
    many = Verzoek.objects.latest("pk")
    assert len(hits(many)) == 12
    assert many_search == few_search
    assert count(client, "get", url(many)) == few_page
    # Eight places searched (one query each), the request and its hits written: plus the
    # session, user, roles and second-step device of every staff request.
    assert many_search <= 20


def test_data_and_export_cost_the_same_for_1_and_8_meldingen(client, coordinator):
    new_melding()
    client.get(SEARCH)
    one = verzoek_of(search(client, naam="Jansen"))
    refs = [m.reference for m in Melding.objects.all()]
    page_one = count(client, "get", url(one, "gegevens/", refs))
    export_one = count(client, "post", url(one, "downloaden/"), {"m": refs, "formaat": "json"})
    for _ in range(7):
        melding = new_melding()
        Notitie.objects.create(melding=melding, text="Gebeld.")
        ContactPoging.objects.create(melding=melding, channel=ContactKanaal.TELEFOON)
    eight = verzoek_of(search(client, naam="Jansen"))
    refs = [m.reference for m in Melding.objects.all()]
    assert count(client, "get", url(eight, "gegevens/", refs)) == page_one
    assert count(client, "post", url(eight, "downloaden/"), {"m": refs, "formaat": "txt"}) == (
        export_one
    )
    assert Uitbericht.objects.exists()
