// Command yaml-reference reads a manifest stream on stdin the way kubectl reads a file given with -f
// and prints what it gets, as one JSON object on stdout:
//
//	{"documents": [<JSON of document 1>, ...], "error": "<first error, when one stopped the reading>"}
//
// Each document's JSON is the bytes sigs.k8s.io/yaml.YAMLToJSON produced for it (go-yaml v2 rules,
// YAML 1.1), kept exactly; documents whose JSON is empty or null are left out, as kubectl skips them.
// The path is kubectl's own: k8s.io/cli-runtime's FileVisitor strips a byte order mark, its
// StreamVisitor decodes with k8s.io/apimachinery's YAMLOrJSONDecoder (documents split on lines
// starting with ---, each converted by sigs.k8s.io/yaml), and the first error ends the stream.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"k8s.io/apimachinery/pkg/util/yaml"
)

type result struct {
	Documents []json.RawMessage `json:"documents"`
	Error     string            `json:"error,omitempty"`
}

func main() {
	bomless := transform.NewReader(os.Stdin, unicode.BOMOverride(unicode.UTF8.NewDecoder()))
	decoder := yaml.NewYAMLOrJSONDecoder(bomless, 4096)
	out := result{Documents: []json.RawMessage{}}
	for {
		var raw json.RawMessage
		if err := decoder.Decode(&raw); err != nil {
			if !errors.Is(err, io.EOF) {
				out.Error = err.Error()
			}
			break
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
			continue
		}
		out.Documents = append(out.Documents, raw)
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(out); err != nil {
		os.Exit(1)
	}
}
