#!/bin/sh
# Keeps the French translation in step with the sources.
#
#   po/update-fr.sh            extract a fresh template from po/POTFILES.in and
#                              merge it into po/fr.po (new strings come in
#                              untranslated, changed ones fuzzy), then print
#                              what is left to translate
#   po/update-fr.sh --check    the same into a temporary copy; fails when
#                              po/fr.po does not compile or when any message is
#                              untranslated or fuzzy (the 'po' test suite)
#
# The template is extracted with the keywords of meson's i18n 'glib' preset,
# which po/meson.build uses, so this sees exactly what the build's
# convene-pot target sees. It runs from any directory; an optional last
# argument names the source tree.
set -eu

check=false
if [ "${1:-}" = --check ]; then
  check=true
  shift
fi
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/convene-po-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

grep -v '^#' po/POTFILES.in | sed '/^$/d' >"$tmp/files"

# xgettext finds the ITS rules for the .desktop, metainfo, GSettings schema
# and MIME files in the system's gettext data directories.
xgettext --package-name=convene --from-code=UTF-8 --add-comments \
  -f "$tmp/files" -D . -o "$tmp/convene.pot" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log" >&2; exit 1; }

if [ -s "$tmp/xgettext.log" ]; then
  echo "xgettext warns about the sources:" >&2
  cat "$tmp/xgettext.log" >&2
  $check && exit 1
fi

if $check; then
  status=0
  if ! msgfmt --check -o /dev/null po/fr.po; then
    echo "po/fr.po does not compile" >&2
    status=1
  fi
  cp po/fr.po "$tmp/fr.po"
  msgmerge --quiet --update --backup=none --no-fuzzy-matching "$tmp/fr.po" "$tmp/convene.pot"
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/fr.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/fr.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too whenever it prints anything.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  total=$(grep -c '^msgid ' "$tmp/convene.pot")
  total=$((total - 1))
  echo "po/fr.po against a fresh template of $total messages: $untranslated untranslated, $fuzzy fuzzy"
  if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "to finish: po/update-fr.sh, translate the new and fuzzy messages in po/fr.po" >&2
    msgattrib --no-wrap --no-obsolete --untranslated "$tmp/fr.po" | sed -n 's/^msgid "\(.\+\)"$/  untranslated: \1/p' | head -20 >&2
    msgattrib --no-wrap --no-obsolete --only-fuzzy "$tmp/fr.po" | sed -n 's/^msgid "\(.\+\)"$/  fuzzy: \1/p' | head -20 >&2
    status=1
  fi
  exit $status
fi

msgmerge --quiet --update --backup=none --previous po/fr.po "$tmp/convene.pot"
msgfmt --check --statistics -o /dev/null po/fr.po
