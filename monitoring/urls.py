"""URLs of this part; filled in by its views."""

app_name = "monitoring"

urlpatterns: list = []
