#!/usr/bin/env bash
# Rebuilds samples/spoken-language/<lang>/<prompt>.wav: spoken-language identification over the
# same prompts recorded in five languages, from Debian's Asterisk prompt packages (CC-BY-SA 3.0 and
# CC-BY 3.0; see README.md).
# Needs: apt-get install asterisk-core-sounds-{en,fr,es,it,ru}-wav sox
#
# What it does, per language: takes the prompts that exist in all five languages (outside the
# silence/ folder and the beeps), trims leading and trailing silence with sox, keeps prompts whose
# trimmed clip lasts 0.4-1.6 s in every language, and writes the first 60 of them in a fixed, seeded
# order as 8 kHz mono 16-bit WAV (the packages' own format, so nothing is resampled). The same
# prompts in every language, so the words cannot give the class away; only the language (and its
# voice: en and es share one speaker) can.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sounds=/usr/share/asterisk/sounds
out="$here/spoken-language"
per_language=60
declare -A voices=(
  [en]=en_US_f_Allison [es]=es_MX_f_Allison [fr]=fr_CA_f_June [it]=it_IT_m_Carlo [ru]=ru_RU_f_IvrvoiceRU
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Prompts present in every language.
first=1
for lang in "${!voices[@]}"; do
  (cd "$sounds/${voices[$lang]}" && find . -name '*.wav' ! -path './silence/*' ! -name 'beep*') \
    | sed 's|^\./||' | sort > "$work/$lang.txt"
  if [ $first = 1 ]; then cp "$work/$lang.txt" "$work/common.txt"; first=0
  else comm -12 "$work/common.txt" "$work/$lang.txt" > "$work/next.txt" && mv "$work/next.txt" "$work/common.txt"; fi
done

# 2. Trim silence and keep prompts of a labelable length in every language.
trim() { sox "$1" -b 16 -r 8000 -c 1 "$2" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse; }
: > "$work/kept.txt"
while read -r prompt; do
  ok=1
  for lang in "${!voices[@]}"; do
    name=$(echo "$prompt" | tr '/' '-')
    mkdir -p "$work/trimmed/$lang"
    trim "$sounds/${voices[$lang]}/$prompt" "$work/trimmed/$lang/$name" 2>/dev/null || { ok=0; break; }
    seconds=$(soxi -D "$work/trimmed/$lang/$name")
    awk -v s="$seconds" 'BEGIN { exit !(s >= 0.4 && s <= 1.6) }' || { ok=0; break; }
  done
  if [ $ok = 1 ]; then echo "$prompt" >> "$work/kept.txt"; fi
done < "$work/common.txt"

# 3. A fixed pseudo-random order (seeded), the first $per_language prompts, copied per language.
rm -rf "$out"
shuf --random-source=<(yes 20241204) "$work/kept.txt" | head -n "$per_language" > "$work/chosen.txt"
for lang in "${!voices[@]}"; do
  mkdir -p "$out/$lang"
  while read -r prompt; do
    name=$(echo "$prompt" | tr '/' '-')
    cp "$work/trimmed/$lang/$name" "$out/$lang/$name"
  done < "$work/chosen.txt"
done
echo "spoken-language: $(wc -l < "$work/kept.txt") prompts usable, $per_language per language kept," \
  "$(find "$out" -name '*.wav' | wc -l) clips, $(du -sh "$out" | cut -f1)"
