"""The dashboard /monitoring/ and the CSV of each of its charts (kartrekker and kerngroep)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .charts import chart_csv
from .forms_dashboard import DashboardFilterForm
from .selectors_dashboard import dashboard, dashboard_form_choices
from .views import figures_access


def _dashboard_for(request):
    years, indicator_choices, indicators = dashboard_form_choices()
    form = DashboardFilterForm(request.GET or None, years=years, indicators=indicator_choices)
    return form, dashboard(indicators=indicators, **form.choices())


def csv_response(chart: dict, name: str) -> HttpResponse:
    response = HttpResponse(chart_csv(chart), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


@require_safe
@figures_access
def dashboard_page(request):
    """Five blocks: wijken compared, trend, need against supply, "tellen", "vertellen".
    The filters are a GET form: the page works without JavaScript and can be bookmarked."""
    form, data = _dashboard_for(request)
    query = request.GET.urlencode()
    csv_urls = {
        key: reverse("monitoring:dashboard_csv", args=[key]) + (f"?{query}" if query else "")
        for key in data.charts
    }
    context = {
        "form": form,
        "data": data,
        "charts": data.charts,
        "csv_urls": csv_urls,
        "unknown_filter": form.unknown_value,
    }
    return render(request, "monitoring/dashboard.html", context)


@require_safe
@figures_access
def dashboard_csv(request, key: str):
    """The data of one chart of the dashboard, with the same filters, as CSV."""
    _form, data = _dashboard_for(request)
    chart = data.charts.get(key)
    if chart is None:
        raise Http404
    return csv_response(chart, f"eenzaamheid-{key.replace('_', '-')}")
