# annexa: `make help` lists the targets.
GO       ?= go
BIN      ?= bin/annexa
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo 0.1.0-dev)
LDFLAGS  := -s -w -X github.com/annexa-dev/annexa/internal/cli.version=$(VERSION)
AS_OF    ?= 2026-11-30

.DEFAULT_GOAL := help
FUZZTIME ?= 10s

.PHONY: help build demo test fuzz race bench check fmt vet lint clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build the static binary into bin/annexa
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/annexa

demo: build ## evaluate the example bundle in evidence/ (as of $(AS_OF)); failing controls are expected
	@$(BIN) eval evidence --as-of $(AS_OF); status=$$?; \
	  echo "exit code $$status (0: no control fails, 1: some fail, 2: invalid evidence)"; \
	  test $$status -le 1

test: ## run every test: Go unit tests, the Rego policy tests, the CLI scripts, then each fuzz target briefly
	$(GO) test -timeout 30m ./...
	$(MAKE) --no-print-directory fuzz

fuzz: ## run each fuzz target for FUZZTIME (default 10s)
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./internal/bundle
	$(GO) test -run '^$$' -fuzz '^FuzzRef$$' -fuzztime $(FUZZTIME) ./internal/bundle
	$(GO) test -run '^$$' -fuzz '^FuzzResolve$$' -fuzztime $(FUZZTIME) ./internal/catalog

bench: ## time annexa on generated bundles of 1k, 10k and 100k records against the cue vet + opa eval baseline (BENCH_SIZES=...,1000000 for 1M)
	$(GO) run ./internal/tools/bench
	$(GO) test -run '^$$' -bench . -benchtime 3x ./internal/cli

race: ## run every test under the race detector
	$(GO) test -race -timeout 60m ./...

check: fmt vet test ## what a change must pass before it is committed

fmt: ## format Go and Rego sources
	gofmt -w cmd internal policies schemas
	$(GO) run ./internal/tools/regofmt policies

vet: ## go vet
	$(GO) vet ./...

clean: ## remove build output
	rm -rf bin
