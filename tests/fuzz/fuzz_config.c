/* libFuzzer target for common/config.c, the config file's parser: any
 * file. Checks that a file it takes leaves every setting within its
 * documented range and every string set, and that an error names the
 * line. Build: `make fuzz`. */
#include "common/config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	char err[256] = "";
	FILE *f;
	int rc;

	if (size == 0)
		return 0;
	if ((f = fmemopen((void *)data, size, "r")) == NULL)
		abort();
	config_defaults(&cfg);
	rc = config_read(&cfg, f, "fuzz.conf", err, sizeof err);
	fclose(f);
	if (rc != 0) {
		if (rc != -1 || strncmp(err, "fuzz.conf:", 10) != 0)
			abort();
	} else if (err[0] != '\0')
		abort();
	/* Whatever was read before an error stays valid too. */
	if (cfg.listen_addr == NULL || cfg.data_dir == NULL ||
	    cfg.timezone == NULL || cfg.default_lang == NULL ||
	    cfg.motd == NULL || cfg.public_host == NULL ||
	    cfg.penalty_exempt == NULL)
		abort();
	if (cfg.port < 0 || cfg.port > 65535 || cfg.idle_minutes < 1 ||
	    cfg.guest_idle_minutes < 1 || cfg.idle_seconds < 0 ||
	    cfg.guest_idle_seconds < 0 || cfg.idle_warning_seconds < 1 ||
	    cfg.notice_poll_ms < 100 || cfg.startups_begin < 1 ||
	    cfg.startups_rate < 1 || cfg.startups_rate > 100 ||
	    cfg.startups_full < cfg.startups_begin ||
	    cfg.password_min_length < 6 || cfg.ui_max_memory_mb < 32)
		abort();
	if (strspn(cfg.public_host, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") !=
	    strlen(cfg.public_host))
		abort();
	config_free(&cfg);
	return 0;
}
