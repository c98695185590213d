import pytest
from django.core.exceptions import ValidationError

from tests.factories import OrganisatieFactory


@pytest.mark.sqlite
@pytest.mark.parametrize("kvk", ["12345678", "00012345"])
def test_kvk_number_of_eight_digits_is_valid(db, kvk):
    OrganisatieFactory(kvk_number=kvk).full_clean()


@pytest.mark.sqlite
@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234 567", "abcdefgh"])
def test_kvk_number_that_is_not_eight_digits_gets_a_dutch_message(db, kvk):
    organisatie = OrganisatieFactory.build(name="Buurthuis", slug="buurthuis", kvk_number=kvk)
    with pytest.raises(ValidationError) as error:
        organisatie.full_clean()
    assert error.value.message_dict["kvk_number"][0].startswith("Een KvK-nummer heeft 8 cijfers")


@pytest.mark.sqlite
@pytest.mark.parametrize(
    "phone", ["035 123 45 67", "+31 35 123 4567", "(035) 1234567", "088-0767000"]
)
def test_common_phone_notations_are_accepted(db, phone):
    OrganisatieFactory(phone=phone).full_clean()


@pytest.mark.sqlite
@pytest.mark.parametrize("phone", ["123", "bel me", "035 123 45 67 89 01 23 4", "+31 35<script>"])
def test_invalid_phone_gets_a_dutch_message(db, phone):
    organisatie = OrganisatieFactory.build(name="Buurthuis", slug="buurthuis", phone=phone)
    with pytest.raises(ValidationError) as error:
        organisatie.full_clean()
    assert "geldig telefoonnummer" in error.value.message_dict["phone"][0]


@pytest.mark.sqlite
def test_organisatie_without_wijken_and_optional_fields_is_valid(db):
    organisatie = OrganisatieFactory(name="Luisterlijn")
    organisatie.full_clean()
    assert str(organisatie) == "Luisterlijn"
    assert organisatie.wijken.count() == 0
