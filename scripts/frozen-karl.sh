# Sourced by the training scripts: `karl` runs the CLI from a frozen copy of the compiled classes
# in $bin (made on first use), so rebuilding the checkout while a long run goes on cannot break
# it (a run loads classes lazily). Needs $bin set and the working directory at the project root.
if [[ ! -d $bin/classes ]]; then
	./karl --help > /dev/null # builds when stale
	rm -rf "$bin.tmp" && mkdir -p "$bin.tmp" && cp -r target/classes "$bin.tmp/classes"
	cp target/classpath.txt "$bin.tmp/" && mv "$bin.tmp" "$bin"
fi
karl() {
	TF_CPP_MIN_LOG_LEVEL=2 java ${KARL_JAVA_OPTS:-} -cp "$bin/classes:$(cat "$bin/classpath.txt")" \
		org.karl.cli.Main "$@"
}
