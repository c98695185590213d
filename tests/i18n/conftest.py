# The meldpunt's address table and its rate-limit reset (autouse), for the English meldpunt.
from tests.meldpunt.conftest import postcodes  # noqa: F401
