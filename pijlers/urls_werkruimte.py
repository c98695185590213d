"""URLs of this part; filled in by its views."""

app_name = "pijlers_werkruimte"

urlpatterns: list = []
