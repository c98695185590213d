#!/usr/bin/env bash
# The English catalogues (issue #8): one per app (<app>/locale/en/LC_MESSAGES/django.po) and one
# for the top-level templates/ folder (locale/en/LC_MESSAGES/django.po).
#
#   scripts/messages.sh            refresh every catalogue from the code (new strings get an
#                                  empty msgstr to fill in; strings gone from the code go)
#   scripts/messages.sh --check    change nothing; fail when a catalogue has an empty or fuzzy
#                                  translation, misses a string of the code, keeps one the code
#                                  no longer has, or does not compile
#
# The .mo files Django reads are not in git: `manage.py compilemessages` writes them (make run,
# make test and the Docker image do so).
# makemessages runs in a copy of each folder, so --check can compare what the code asks for with
# what is committed without touching the checkout. MESSAGES_ROOT and MESSAGES_CATALOGUES choose
# another project and other folders (tests use that); "." is the top-level templates/ folder.
set -euo pipefail

ROOT=$(cd "${MESSAGES_ROOT:-$(dirname "$0")/..}" && pwd)
read -r -a CATALOGUES <<<"${MESSAGES_CATALOGUES:-. hilversum_eenzaamheid wijken coalitie aanbod meldpunt pijlers monitoring}"
LANGUAGE=en
DJANGO_ADMIN=${DJANGO_ADMIN:-$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/django-admin}
PO=locale/$LANGUAGE/LC_MESSAGES/django.po

for tool in msgfmt msgattrib msgmerge xgettext; do
  command -v "$tool" >/dev/null || {
    echo "FOUT: $tool ontbreekt; installeer gettext (Debian: apt-get install gettext)." >&2
    exit 2
  }
done

# makemessages in a copy of one catalogue's folder; prints the refreshed .po's path.
fresh_catalogue() {
  local name=$1 work=$2 src
  if [ "$name" = . ]; then
    src=$work/top
    mkdir -p "$src"
    # Only the templates/ folder: every app keeps its own catalogue.
    [ -d "$ROOT/templates" ] && cp -a "$ROOT/templates" "$src/"
  else
    src=$work/$name
    cp -a "$ROOT/$name" "$src"
  fi
  mkdir -p "$src/locale"
  [ -f "$ROOT/$name/$PO" ] && mkdir -p "$(dirname "$src/$PO")" && cp "$ROOT/$name/$PO" "$src/$PO"
  # Without settings, so makemessages writes into this folder's own locale/ (with settings it
  # would pick the project's LOCALE_PATHS for every file).
  (cd "$src" && env -u DJANGO_SETTINGS_MODULE "$DJANGO_ADMIN" makemessages -l "$LANGUAGE" \
    --domain django --no-obsolete --add-location=file -i '__pycache__' -i 'locale' >/dev/null)
  # A new catalogue's header is a fuzzy template: msgfmt skips a fuzzy header, and with it the
  # plural forms. Fill it in once.
  sed -i -e '1,/^msgid ""$/{/^#, fuzzy$/d}' -e 's/^"Language: \\n"$/"Language: '"$LANGUAGE"'\\n"/' \
    -e "s/^# SOME DESCRIPTIVE TITLE.$/# English texts of the Hilversum loneliness portal ($name)./" "$src/$PO"
  echo "$src/$PO"
}

# The key of each entry (context, singular, plural) of a catalogue, one line each, sorted.
catalogue_keys() {
  msgattrib --no-obsolete --no-location --no-wrap "$1" | awk '
    /^msgctxt / { ctx = $0 " "; next }
    /^msgid / { id = $0; next }
    /^msgid_plural / { id = id " " $0; next }
    /^msgstr/ { if (id != "") print ctx id; ctx = ""; id = "" }
  ' | sort
}

check_catalogue() {
  local name=$1 fresh=$2 committed=$ROOT/$PO problems
  [ "$name" = . ] || committed=$ROOT/$name/$PO
  if [ ! -f "$committed" ]; then
    echo "$name: $PO ontbreekt (scripts/messages.sh maakt hem)."
    return 1
  fi
  problems=$(
    {
      diff <(catalogue_keys "$committed") <(catalogue_keys "$fresh") \
        | sed -n -e 's/^> /  niet in de catalogus: /p' -e 's/^< /  niet meer in de code: /p'
      msgattrib --untranslated --no-obsolete --no-location --no-wrap "$committed" \
        | grep -E '^msgid ' | grep -v '^msgid ""$' | sed 's/^/  niet vertaald: /'
      msgattrib --only-fuzzy --no-obsolete --no-location --no-wrap "$committed" \
        | grep -E '^msgid ' | grep -v '^msgid ""$' | sed 's/^/  fuzzy: /'
      sed -n '1,/^msgid ""$/p' "$committed" | grep -q '^#, fuzzy$' && echo "  fuzzy: de kop (header)"
      msgfmt --check-format --check-domain -o /dev/null "$committed" 2>&1 | sed 's/^/  /'
    } || true
  )
  if [ -n "$problems" ]; then
    printf '%s (%s):\n%s\n' "$name" "$committed" "$problems"
    return 1
  fi
}

mode=${1:-update}
case $mode in
  --check | update)
    work=$(mktemp -d /tmp/hilversum-messages.XXXXXX)
    trap 'rm -rf "$work"' EXIT
    failed=0
    for name in "${CATALOGUES[@]}"; do
      fresh=$(fresh_catalogue "$name" "$work")
      if [ "$mode" = --check ]; then
        check_catalogue "$name" "$fresh" || failed=1
      else
        mkdir -p "$(dirname "$ROOT/$name/$PO")"
        cp "$fresh" "$ROOT/$name/$PO"
        echo "$name: $(msgattrib --untranslated --no-obsolete "$ROOT/$name/$PO" | grep -c '^msgid ' || true) nog te vertalen"
      fi
    done
    if [ "$failed" = 1 ]; then
      echo
      echo "Vul de vertalingen in (zie README, 'Talen / English'): scripts/messages.sh, dan de msgstr's."
      exit 1
    fi
    ;;
  *)
    echo "gebruik: scripts/messages.sh [--check]" >&2
    exit 2
    ;;
esac
