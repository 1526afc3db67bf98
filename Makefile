# Tinklas: one binary, build/tinklas. See README.md.
#   make            build
#   make run        install missing packages (as root), build, first-run setup, serve on 127.0.0.1:2222
#   make test       unit and end-to-end tests, and the fuzzers' corpora replayed;
#                   SANITIZE=1 runs them under ASan and UBSan
#   make fuzz       the libFuzzer targets (clang) in build/fuzz/bin; run one with
#                   build/fuzz/bin/fuzz_NAME tests/fuzz/corpus/NAME -max_total_time=60
#   make check-rooms  each outside library in its room (run by make test)
#   make golden     write the screens' pictures (tests/golden) anew
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX	?= /usr/local
DESTDIR	?=
CC	?= cc
# What to link comes from deps/* (deps/house says how): one file per part of the house.
deps_field = $(shell sed -n 's/^$(1)[[:space:]]\{1,\}//p' $(sort $(wildcard deps/*)))
PKGS	:= $(call deps_field,pkg-config)
SERVER_PKGS := $(call deps_field,pkg-config-server)
DEPS_LDLIBS := $(call deps_field,ldlibs)

ifeq ($(FUZZ),1)
# `make fuzz` builds everything again with clang, instrumented for libFuzzer.
BUILD	?= build/fuzz
CC	:= clang
CXX	:= clang++
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
else ifeq ($(SANITIZE),1)
BUILD	?= build/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
BUILD	?= build
SANFLAGS :=
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(SERVER_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) $(SERVER_PKGS) 2>/dev/null)
# tinklas-ui, the per-session UI process, links everything but the
# network side's libraries (libssh).
UI_PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS	?= -O2 -g
CFLAGS	+= -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wno-missing-field-initializers -I. $(PKG_CFLAGS) $(SANFLAGS)
LDFLAGS	+= $(SANFLAGS)
LDLIBS	+= $(PKG_LIBS) $(DEPS_LDLIBS)

ROOMS	:= common core i18n forms ui server cli
SRCS	:= $(foreach d,$(ROOMS),$(wildcard $(d)/*.c))
ALL_OBJS := $(SRCS:%.c=$(BUILD)/obj/%.o)
# build/tinklas has every room; build/tinklas-ui the UI's rooms only and its
# own main (cli/ui-main.c), so no SSH library is loaded per session.
OBJS	:= $(filter-out $(BUILD)/obj/cli/ui-main.o,$(ALL_OBJS))
UI_OBJS	:= $(filter-out $(BUILD)/obj/server/% $(BUILD)/obj/cli/%,$(ALL_OBJS)) \
	   $(BUILD)/obj/cli/options.o $(BUILD)/obj/cli/ui-main.o
# Unit tests link the objects of TEST_ROOMS (all by default; a narrower list
# lets one room's tests build while another room is half-written).
TEST_ROOMS ?= $(ROOMS)
LIBOBJS	:= $(filter-out $(BUILD)/obj/cli/main.o $(BUILD)/obj/cli/ui-main.o \
	   $(BUILD)/obj/cli/options.o,\
	   $(foreach d,$(TEST_ROOMS),$(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard $(d)/*.c))))

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
# The unit tests' shared fixture (tests/unit/fixture.h) as an archive, so a
# test links only the part it calls and a narrow TEST_ROOMS still links.
TEST_SUPPORT_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,\
	   $(wildcard tests/unit/fixture*.c tests/unit/record*.c))
TEST_SUPPORT := $(BUILD)/obj/tests/libfixture.a

all: $(BUILD)/tinklas $(BUILD)/tinklas-ui

# The catalogs (i18n/po/*.po) become a static ICU data package: I18N_LIB.
include i18n/i18n.mk
# The built-in survey templates (etc/surveys) compiled in.
include core/survey-templates.mk

$(BUILD)/tinklas: $(OBJS) $(I18N_LIB)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(I18N_LIB) $(LDLIBS)

$(BUILD)/tinklas-ui: $(UI_OBJS) $(I18N_LIB)
	$(CC) $(LDFLAGS) -Wl,--as-needed -o $@ $(UI_OBJS) $(I18N_LIB) \
	    $(UI_PKG_LIBS) $(DEPS_LDLIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(TEST_SUPPORT): $(TEST_SUPPORT_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/tests/%: tests/unit/%.c tests/unit/fixture.h tests/unit/record.h \
	    $(TEST_SUPPORT) \
	    $(LIBOBJS) $(I18N_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(TEST_SUPPORT) $(LIBOBJS) $(I18N_LIB) \
	    $(LDLIBS) -lcmocka

# The fuzz targets (tests/fuzz/fuzz_NAME.c): each built with the normal
# compiler and tests/fuzz/replay.c's main(), which `make test` runs over
# tests/fuzz/corpus/NAME; and, by `make fuzz`, with clang and libFuzzer.
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
REPLAY_BINS := $(FUZZ_NAMES:%=$(BUILD)/fuzz-replay/replay_%)
FUZZ_BINS := $(FUZZ_NAMES:%=$(BUILD)/bin/fuzz_%)

$(BUILD)/fuzz-replay/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
	    $(LIBOBJS) $(I18N_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< tests/fuzz/replay.c $(LIBOBJS) $(I18N_LIB) \
	    $(LDLIBS) -lstdc++

$(BUILD)/bin/fuzz_%: tests/fuzz/fuzz_%.c $(LIBOBJS) $(I18N_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIBOBJS) $(I18N_LIB) \
	    $(LDLIBS) -lstdc++

tests: $(UNIT_BINS) $(REPLAY_BINS)

fuzz:
	@tools/ensure-deps fuzz
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-targets

fuzz-targets: $(FUZZ_BINS)

deps:
	@tools/ensure-deps build

run: deps
	@$(MAKE) --no-print-directory all
	@tools/first-run $(BUILD)/tinklas
	exec $(BUILD)/tinklas serve

test: deps
	@tools/ensure-deps test
	@$(MAKE) --no-print-directory all tests check-rooms
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) tests/run-all

# The golden pictures of the screens (tests/golden, compared by
# test_golden in make test) written anew from the screens as they are now:
# for an intended change; review `git diff tests/golden` before committing.
# The house's are test_golden's; each feature's, test_golden_NAME's.
GOLDEN_BINS := $(filter $(BUILD)/tests/test_golden%,$(UNIT_BINS))
golden: $(GOLDEN_BINS)
	@rm -f tests/golden/*.txt tests/golden/*/*.txt
	@for t in $(GOLDEN_BINS); do \
	    TINKLAS_GOLDEN=write $$t >$(BUILD)/golden.log 2>&1 || \
	    { cat $(BUILD)/golden.log; exit 1; }; done
	@git status --short tests/golden

# Each outside library in its room, and ui/ never including server/
# (tools/check-rooms); its self-test first, so a check that cannot fail
# fails here.
check-rooms:
	@CC="$(CC)" tools/check-rooms --self-test
	@CC="$(CC)" tools/check-rooms

# Benchmarks (not tests): sessions against OpenSSH's sshd, and each part's
# own (bench/*.mk, each adding its target to BENCH_TARGETS). BENCH_DB_SRC:
# the helpers the database benchmarks share, compiled into each of them.
BENCH_TARGETS :=
BENCH_DB_SRC := bench/bench-db.c bench/bench-db.h
include $(sort $(wildcard bench/*.mk))

bench: all $(BENCH_TARGETS)
	bench/sessions --tinklas $(BUILD)/tinklas
	bench/login-timing --tinklas $(BUILD)/tinklas
	bench/bytes --tinklas $(BUILD)/tinklas

# The systemd units, sysusers.d and tmpfiles.d files go where systemd
# reads the packages' own: under /lib and /usr/lib for PREFIX=/usr, else
# under PREFIX/lib. The units' ExecStart names PREFIX's binary; the
# config is written only when there is none (an upgrade keeps the site's).
ifeq ($(PREFIX),/usr)
UNITDIR	?= /lib/systemd/system
else
UNITDIR	?= $(PREFIX)/lib/systemd/system
endif
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
CONFDIR	?= /etc/tinklas
STATEDIR ?= /var/lib/tinklas
UNIT_SED := -e 's|/usr/local/bin/tinklas|$(PREFIX)/bin/tinklas|g'

install: all
	install -D -m 0755 $(BUILD)/tinklas $(DESTDIR)$(PREFIX)/bin/tinklas
	install -D -m 0755 $(BUILD)/tinklas-ui $(DESTDIR)$(PREFIX)/bin/tinklas-ui
	install -d $(DESTDIR)$(UNITDIR)
	for u in tinklas.service tinklas-backup.service tinklas-backup.timer; do \
	    sed $(UNIT_SED) etc/$$u >$(DESTDIR)$(UNITDIR)/$$u && \
	    chmod 0644 $(DESTDIR)$(UNITDIR)/$$u || exit 1; done
	install -D -m 0644 etc/tinklas.sysusers $(DESTDIR)$(SYSUSERSDIR)/tinklas.conf
	install -D -m 0644 etc/tinklas.tmpfiles $(DESTDIR)$(TMPFILESDIR)/tinklas.conf
	install -d -m 0755 $(DESTDIR)$(CONFDIR)
	test -e $(DESTDIR)$(CONFDIR)/tinklas.conf || \
	    sed 's|^data = var$$|data = $(STATEDIR)|' etc/tinklas.conf \
	    >$(DESTDIR)$(CONFDIR)/tinklas.conf
	install -D -m 0644 etc/tinklas.conf $(DESTDIR)$(PREFIX)/share/doc/tinklas/tinklas.conf.example
	install -D -m 0644 etc/feeds-nginx.conf $(DESTDIR)$(PREFIX)/share/doc/tinklas/feeds-nginx.conf
	install -d $(DESTDIR)$(PREFIX)/share/doc/tinklas/surveys
	install -m 0644 etc/surveys/* $(DESTDIR)$(PREFIX)/share/doc/tinklas/surveys

clean:
	rm -rf build

.PHONY: all tests deps run test install clean bench check-rooms fuzz fuzz-targets \
	golden
-include $(ALL_OBJS:.o=.d) $(TEST_SUPPORT_OBJS:.o=.d)
