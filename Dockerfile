# Image for web, worker and beat (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    STATIC_MANIFEST=true STATIC_ROOT=/app/staticfiles
# WeasyPrint needs Pango; DejaVu is the font family the PDFs use (no web fonts). gettext's
# msgfmt compiles the English texts (compilemessages below).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    gettext \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 portal

WORKDIR /app
COPY pyproject.toml README.md ./
COPY hilversum_eenzaamheid ./hilversum_eenzaamheid
COPY wijken ./wijken
COPY coalitie ./coalitie
COPY aanbod ./aanbod
COPY meldpunt ./meldpunt
COPY pijlers ./pijlers
COPY monitoring ./monitoring
COPY templates ./templates
COPY locale ./locale
COPY static ./static
COPY manage.py ./
RUN pip install . \
 && DATABASE_URL=sqlite:////tmp/build.db python manage.py collectstatic --noinput \
 && DATABASE_URL=sqlite:////tmp/build.db python manage.py compilemessages \
 && mkdir -p /app/media && chown portal /app/media

USER portal
EXPOSE 8000
CMD ["gunicorn", "hilversum_eenzaamheid.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
