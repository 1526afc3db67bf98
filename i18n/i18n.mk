# Placeholder until the catalog build lands: no data package yet.
I18N_LIB :=
