# The built-in survey templates: etc/surveys/*.yaml become a C table
# (tools/templates-to-c) that core/survey-templates.c includes, so the
# program carries them and sites can read and copy the same files.
SURVEY_TEMPLATE_FILES := $(sort $(wildcard etc/surveys/*.yaml))
SURVEY_TEMPLATES_INC := $(BUILD)/gen/survey-templates.inc

$(SURVEY_TEMPLATES_INC): $(SURVEY_TEMPLATE_FILES) tools/templates-to-c
	@mkdir -p $(dir $@)
	tools/templates-to-c $@ $(SURVEY_TEMPLATE_FILES)

$(BUILD)/obj/core/survey-templates.o: $(SURVEY_TEMPLATES_INC)
$(BUILD)/obj/core/survey-templates.o: CFLAGS += -I$(BUILD)/gen
