# bench/metrics: included by the main Makefile, which provides BUILD,
# CFLAGS, the objects and the i18n library:  make bench-metrics
BENCH_METRICS_OBJS := $(filter $(BUILD)/obj/common/% $(BUILD)/obj/core/% \
	$(BUILD)/obj/i18n/%,$(OBJS))

$(BUILD)/bench/metrics: bench/metrics.c $(BENCH_DB_SRC) $(BENCH_METRICS_OBJS) \
    $(I18N_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(filter %.c,$^) $(BENCH_METRICS_OBJS) \
	    $(I18N_LIB) $(LDLIBS)

bench-metrics: $(BUILD)/bench/metrics
	$(BUILD)/bench/metrics

BENCH_TARGETS += bench-metrics
.PHONY: bench-metrics
