"""URLs of the sociale kaart, one module per part so that each can grow on its own."""

from . import urls_public, urls_search, urls_werkruimte

app_name = "aanbod"

urlpatterns = [
    *urls_search.urlpatterns,  # /aanbod/ search with filters
    *urls_werkruimte.urlpatterns,  # /werkruimte/aanbod/…, the provider's and kartrekker's pages
    *urls_public.urlpatterns,  # /aanbod/<slug>/…, agenda.ics, corrections, wijk folder PDF
]
