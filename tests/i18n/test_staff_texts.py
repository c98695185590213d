"""Issue #8: staff may give their texts an English version; English pages show it when present."""

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from aanbod.indexing import activiteit_reindex
from aanbod.models import Activiteit
from hilversum_eenzaamheid.vertalen import vertaald
from pijlers.models import Pagina, PaginaVersie
from tests.aanbod.factories import ActiviteitFactory
from tests.aanbod.test_werkruimte_forms import payload
from tests.factories import OrganisatieFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_vertaald_gives_english_when_there_is_english_and_dutch_marked_as_such_when_not():
    activiteit = Activiteit(name="Koffie-ochtend", name_en="Coffee morning", description="Fijn.")
    with translation.override("en"):
        name = vertaald(activiteit, "name")
        assert (name, name.lang, name.fallback) == ("Coffee morning", "en", False)
        description = vertaald(activiteit, "description")
        assert (description, description.lang, description.fallback) == ("Fijn.", "nl", True)
        activiteit.name_en = "   "  # blank counts as missing
        assert vertaald(activiteit, "name").fallback
    with translation.override("nl"):
        name = vertaald(activiteit, "name")
        assert (name, name.fallback) == ("Koffie-ochtend", False)


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load vertalen %}" + source).render(Context(context))


def test_the_template_helpers_change_nothing_on_a_dutch_page():
    activiteit = Activiteit(name="Wandelen", description="Samen lopen.")
    source = (
        '<h1{{ a|vertaald:"name"|lang_attr }}>{{ a|vertaald:"name" }}</h1>'
        "<p{% lang_nl %}>x</p>{{ a.description|linebreaks|in_dutch:'div' }}"
    )
    assert render(source, "nl", a=activiteit) == "<h1>Wandelen</h1><p>x</p><p>Samen lopen.</p>"
    assert render(source, "en", a=activiteit) == (
        '<h1 lang="nl">Wandelen</h1><p lang="nl">x</p><div lang="nl"><p>Samen lopen.</p></div>'
    )
    assert render("{{ t|in_dutch }}", "en", t="<b>") == '<span lang="nl">&lt;b&gt;</span>'


def test_kartrekker_enters_the_english_texts_of_an_activity(client, kartrekker_user):
    organisatie = OrganisatieFactory(name="Versa Welzijn")
    client.force_login(kartrekker_user)
    form = client.get(reverse("aanbod:werkruimte_create")).content.decode()
    assert 'name="name_en"' in form and 'lang="en"' in form
    english = {
        "name_en": "Walking group East",
        "short_description_en": "A walk of one hour every week.",
        "description_en": "We walk a loop through the park.",
    }
    client.post(reverse("aanbod:werkruimte_create"), payload(organisatie=organisatie.pk, **english))
    activiteit = Activiteit.objects.get()
    assert (activiteit.name_en, activiteit.description_en) == (
        "Walking group East",
        "We walk a loop through the park.",
    )
    html = client.get(f"/en/aanbod/{activiteit.slug}/").content.decode()
    assert "<h1>Walking group East</h1>" in html
    assert "<p>We walk a loop through the park.</p>" in html
    html = client.get(f"/aanbod/{activiteit.slug}/").content.decode()
    assert "<h1>Wandelgroep Oost</h1>" in html and "Walking group" not in html


def test_an_aanbieder_proposes_english_texts_like_any_other_change(client, aanbieder_user):
    activiteit = ActiviteitFactory(organisatie=aanbieder_user.medewerker.organisatie)
    client.force_login(aanbieder_user)
    url = reverse("aanbod:werkruimte_edit", args=[activiteit.pk])
    client.post(url, payload(name=activiteit.name, name_en="Coffee morning"))
    activiteit.refresh_from_db()
    assert activiteit.name_en == ""  # waits for the kartrekker's approval
    assert activiteit.voorstellen.get().data["name_en"] == "Coffee morning"


def test_the_search_reads_the_dutch_texts_only(db):
    activiteit = ActiviteitFactory(name="Koffie-ochtend", name_en="Coffee morning")
    activiteit_reindex()
    activiteit.refresh_from_db()
    assert "koffie" in activiteit.search_text
    assert "coffee" not in activiteit.search_text


def test_the_information_page_comes_with_an_english_version():
    pagina = Pagina.objects.get(slug="eenzaamheid")
    assert pagina.title_en == "What is loneliness?"
    assert "/en/aanbod/" in pagina.body_en


def test_kartrekker_changes_the_english_page_and_the_version_keeps_it(client, kartrekker_user):
    client.force_login(kartrekker_user)
    edit = reverse("pijlers_werkruimte:pagina_wijzigen", args=["eenzaamheid"])
    form = client.get(edit).content.decode()
    assert "What is loneliness?" in form  # the English title, to change
    data = {
        "title": "Eenzaamheid",
        "body": "Tekst.",
        "title_en": "Loneliness",
        "body_en": "## New\n\nShort text.",
    }
    client.post(edit, data)
    html = client.get("/en/eenzaamheid/").content.decode()
    assert "<h1>Loneliness</h1>" in html and "<h2>New</h2>" in html
    assert PaginaVersie.objects.filter(pagina__slug="eenzaamheid").first().title_en == "Loneliness"
    # Without English, the English page shows the Dutch text, marked as Dutch.
    client.post(edit, {**data, "title_en": "", "body_en": ""})
    html = client.get("/en/eenzaamheid/").content.decode()
    assert '<h1 lang="nl">Eenzaamheid</h1>' in html
    assert '<div class="markdown-tekst" lang="nl">' in html
