#!/bin/sh
# Copies PETRARCH2's dictionaries into crates/dyad-dict/data/ (the default set compiled into
# dyad) and the PETRARCH validation dictionaries into testdata/petrarch-validate/.
#
# The files are copied byte for byte, comments included: the line numbers dyad prints as
# evidence ("CAMEO.2.0.txt:912") are then the line numbers of the upstream files, and the
# embedded text (2.6 MB) parses in about 0.15 s, so stripping comments is not worth it.
# Not copied: CAMEO.verbpatterns.150430.txt (older TABARI pattern format, which PETRARCH2
# does not read) and Phoenix.prepositions.txt (not a PETRARCH2 dictionary role).
# dyad's own additions live in crates/dyad-dict/data/dyad.extra.actors.txt (hand-edited).
#
# Usage: scripts/copy_petrarch_dicts.sh [SHARED_DIR]   (default /work/shared)
set -eu
shared=${1:-/work/shared}
root=$(cd "$(dirname "$0")/.." && pwd)

src="$shared/dictionaries/petrarch2"
dst="$root/crates/dyad-dict/data"
mkdir -p "$dst"
for f in CAMEO.2.0.txt Phoenix.Countries.actors.txt Phoenix.International.actors.txt \
         Phoenix.MilNonState.actors.txt Phoenix.agents.txt Phoenix.discards.txt \
         Phoenix.IssueCoding.txt LICENSE SOURCE.txt; do
    cp "$src/$f" "$dst/$f"
    chmod u+w "$dst/$f"
done

src="$shared/eval/petrarch-validate-2.02"
dst="$root/testdata/petrarch-validate"
mkdir -p "$dst"
for f in PETR_Validate_actors_2_02.txt PETR_Validate_agents_2_02.txt \
         PETR_Validate_verbs_2_02.txt PETR_Validate_discards_2_02.txt; do
    cp "$src/$f" "$dst/$f"
    chmod u+w "$dst/$f"
done
# testdata/petrarch-validate/SOURCE.txt and LICENSE are kept in the repository (written by
# hand from $src/SOURCE.txt: UniversalPetrarch, MIT).
echo "copied into $root/crates/dyad-dict/data and $root/testdata/petrarch-validate"
