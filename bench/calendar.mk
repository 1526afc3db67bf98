# bench/calendar: included by the main Makefile, which provides BUILD,
# CFLAGS, the objects and the i18n library:  make bench-calendar
BENCH_CALENDAR_OBJS := $(filter $(BUILD)/obj/common/% $(BUILD)/obj/core/% \
	$(BUILD)/obj/i18n/%,$(OBJS))

$(BUILD)/bench/calendar: bench/calendar.c $(BENCH_DB_SRC) \
    $(BENCH_CALENDAR_OBJS) $(I18N_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(filter %.c,$^) $(BENCH_CALENDAR_OBJS) \
	    $(I18N_LIB) $(LDLIBS)

bench-calendar: $(BUILD)/bench/calendar
	$(BUILD)/bench/calendar

BENCH_TARGETS += bench-calendar
.PHONY: bench-calendar
