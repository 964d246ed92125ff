# riskml: build, demo, tests and benchmarks on a fresh Debian machine with Swift.
#
#   make demo   install what is missing, build in release mode, run volatility on the example
#   make test   install what is missing, fetch the sentiment model, run the whole test suite
#   make sentiment-demo   fetch the sentiment model, build, classify three sentences

SWIFT ?= swift
DEB_PACKAGES := libopenblas-dev liblapacke-dev libyaml-dev libglpk-dev python3 python3-pip \
  python3-venv unzip
MODEL_DIR := models/all-MiniLM-L6-v2
RELEASE_BIN := .build/release/riskml
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo sentiment-demo test model bench clean

all: build

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release

model:
	@bash scripts/fetch-minilm.sh $(MODEL_DIR) || \
	  echo "warning: could not fetch the MiniLM model; sentiment tests will skip"

demo: build
	@echo "$$ riskml volatility --model gjr --columns AAPL,MSFT --horizon 5 examples/prices.csv"
	@$(RELEASE_BIN) volatility --model gjr --columns AAPL,MSFT --horizon 5 examples/prices.csv

sentiment-demo: build model
	@echo "$$ riskml sentiment --to csv -   # three sentences on stdin"
	@printf '%s\n' text \
	  'Operating profit rose to EUR 13.1 mn from EUR 8.7 mn a year earlier.' \
	  'Sales fell sharply, and the company cut its outlook.' \
	  'The annual general meeting will be held on Tuesday.' | \
	  $(RELEASE_BIN) sentiment --to csv -

test: deps model
	$(SWIFT) build
	$(SWIFT) test

bench: build
	bash bench/volatility/run.sh
	bash bench/correlation/run.sh
	bash bench/portfolio/run.sh
	bash bench/anomaly/run.sh
	bash bench/sentiment/run.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
