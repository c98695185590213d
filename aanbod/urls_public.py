# Filled by the part of the sociale kaart this module is named after; see aanbod/urls.py.
urlpatterns = []
