# Trees made of the GitLab corpus, for the scripts that measure or compare on it.
# Source it from the repository's root; it sets $corpus to the corpus folder.
corpus=../shared/corpus/gitlab

# require_corpus NAME: ends the script NAME (exit 0, with a message) where there is no
# corpus to work on, as the tests skip without it.
require_corpus() {
  if [ ! -d "$corpus" ]; then
    echo "$1: $corpus not found; nothing to do" >&2
    exit 0
  fi
}

# copy_corpus TREE N: the corpus's doc/ folder N times, as TREE/copy1 ... TREE/copyN.
copy_corpus() {
  local tree=$1 n=$2 i
  for i in $(seq 1 "$n"); do
    mkdir -p "$tree/copy$i"
    cp -r "$corpus/doc" "$tree/copy$i/"
  done
}

# copy_corpus_distinct TREE N: the same, but each copy's request lines and URLs get a
# prefix of their own (`/c3/projects/...`), so the tree documents N times the
# operations, as a docs tree N times GitLab's would.
copy_corpus_distinct() {
  local tree=$1 n=$2 i
  copy_corpus "$tree" "$n"
  for i in $(seq 1 "$n"); do
    find "$tree/copy$i" -name '*.md' -exec sed -i -E \
      "s#/api/v4/#/api/v4/c$i/#g; s#^(GET|POST|PUT|PATCH|DELETE|HEAD) /#\\1 /c$i/#" {} +
  done
}
