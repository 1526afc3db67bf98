# bench/directory: included by the main Makefile, which provides BUILD,
# CFLAGS, the objects and the i18n library:  make bench-directory
BENCH_DIRECTORY_OBJS := $(filter $(BUILD)/obj/common/% $(BUILD)/obj/core/% \
	$(BUILD)/obj/i18n/%,$(OBJS))

$(BUILD)/bench/directory: bench/directory.c $(BENCH_DB_SRC) \
    $(BENCH_DIRECTORY_OBJS) $(I18N_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(filter %.c,$^) $(BENCH_DIRECTORY_OBJS) \
	    $(I18N_LIB) $(LDLIBS)

bench-directory: $(BUILD)/bench/directory
	$(BUILD)/bench/directory

BENCH_TARGETS += bench-directory
.PHONY: bench-directory
