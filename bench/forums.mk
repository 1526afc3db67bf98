# bench/forums: included by the main Makefile, which provides BUILD, CFLAGS,
# the objects and the i18n library:  make bench-forums
BENCH_FORUMS_OBJS := $(filter $(BUILD)/obj/common/% $(BUILD)/obj/core/% \
	$(BUILD)/obj/i18n/%,$(OBJS))

$(BUILD)/bench/forums: bench/forums.c $(BENCH_DB_SRC) $(BENCH_FORUMS_OBJS) \
    $(I18N_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(filter %.c,$^) $(BENCH_FORUMS_OBJS) \
	    $(I18N_LIB) $(LDLIBS)

bench-forums: $(BUILD)/bench/forums
	$(BUILD)/bench/forums

BENCH_TARGETS += bench-forums
.PHONY: bench-forums
