# The catalogs: i18n/po/*.po -> ICU resource bundles -> one static library,
# I18N_LIB, linked into the binary and the unit tests (see I18N.md).
#   po2txt (built here, i18n/tools/po2txt.c)  PO -> genrb source; en.po is
#                                              both "root" and "en"
#   genrb -k -e UTF-8                          source -> .res
#   pkgdata -m static -p tinklas_msgs          .res -> libtinklas_msgs.a,
#                                              symbol tinklas_msgs_dat
# The same archive carries i18n/msgargs.cpp, the one C++ file (MessageFormat
# with an array of typed arguments; see there why).

I18N_DIR	:= $(BUILD)/i18n
I18N_LANGS	:= en lt uk ru pl
I18N_BUNDLES	:= root $(I18N_LANGS)
I18N_RES	:= $(I18N_BUNDLES:%=$(I18N_DIR)/res/%.res)
I18N_CXXOBJ	:= $(I18N_DIR)/msgargs.o
I18N_LIB	:= $(I18N_DIR)/libtinklas_msgs.a

ICU_CXXFLAGS	:= $(shell pkg-config --cflags icu-i18n 2>/dev/null)
I18N_CXXFLAGS	:= -O2 -g -std=c++17 -Wall -Wextra -Werror -fno-exceptions \
		   -fno-rtti -I. $(ICU_CXXFLAGS) $(SANFLAGS)

$(I18N_DIR)/po2txt: i18n/tools/po2txt.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -o $@ $<

$(I18N_DIR)/txt/root.txt: i18n/po/en.po $(I18N_DIR)/po2txt
	@mkdir -p $(dir $@)
	$(I18N_DIR)/po2txt -r root $< $@

$(I18N_DIR)/txt/en.txt: i18n/po/en.po $(I18N_DIR)/po2txt
	@mkdir -p $(dir $@)
	$(I18N_DIR)/po2txt -r en $< $@

$(I18N_DIR)/txt/%.txt: i18n/po/%.po $(I18N_DIR)/po2txt
	@mkdir -p $(dir $@)
	$(I18N_DIR)/po2txt $* $< $@

$(I18N_DIR)/res/%.res: $(I18N_DIR)/txt/%.txt
	@mkdir -p $(dir $@)
	genrb -q -k -e UTF-8 -d $(I18N_DIR)/res $<

$(I18N_CXXOBJ): i18n/msgargs.cpp
	@mkdir -p $(dir $@)
	$(CXX) $(I18N_CXXFLAGS) -MMD -MP -c -o $@ $<

$(I18N_LIB): $(I18N_RES) $(I18N_CXXOBJ)
	@mkdir -p $(I18N_DIR)/pkgtmp
	printf '%s.res\n' $(I18N_BUNDLES) > $(I18N_DIR)/pkgtmp/list.lst
	rm -f $@
	pkgdata -q -m static -p tinklas_msgs -d $(I18N_DIR) -T $(I18N_DIR)/pkgtmp \
	    -s $(I18N_DIR)/res $(I18N_DIR)/pkgtmp/list.lst >/dev/null
	ar rs $@ $(I18N_CXXOBJ)

.PRECIOUS: $(I18N_DIR)/txt/%.txt $(I18N_DIR)/res/%.res
-include $(I18N_CXXOBJ:.o=.d)
