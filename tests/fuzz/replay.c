/* A plain main() for a libFuzzer target, so `make test` replays the corpus
 * with the normal compiler (no clang needed): each file named, or each file
 * in each folder named, is fed once to LLVMFuzzerTestOneInput, in name
 * order. Prints "ok - FILE" after each; a finding aborts, which the test
 * runner counts as a failure. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Feeds one file; returns 0, or -1 when it cannot be read. */
static int
feed(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		if (f != NULL)
			fclose(f);
		return -1;
	}
	rewind(f);
	/* An exact-size copy, so ASan sees a read past the input's end. */
	buf = malloc(n > 0 ? (size_t)n : 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	printf("ok - %s\n", path);
	fflush(stdout);
	return 0;
}

static int
skip_dots(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

int
main(int argc, char **argv)
{
	int i, j, n, bad = 0, fed = 0;

	for (i = 1; i < argc; i++) {
		struct dirent **list;
		struct stat st;

		if (stat(argv[i], &st) != 0) {
			printf("not ok - %s: missing\n", argv[i]);
			bad++;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			bad += feed(argv[i]) != 0;
			fed++;
			continue;
		}
		if ((n = scandir(argv[i], &list, skip_dots, alphasort)) < 0) {
			printf("not ok - %s: cannot list\n", argv[i]);
			bad++;
			continue;
		}
		for (j = 0; j < n; j++) {
			char *path = malloc(strlen(argv[i]) +
			    strlen(list[j]->d_name) + 2);

			if (path == NULL)
				abort();
			sprintf(path, "%s/%s", argv[i], list[j]->d_name);
			if (feed(path) != 0) {
				printf("not ok - %s: cannot read\n", path);
				bad++;
			}
			fed++;
			free(path);
			free(list[j]);
		}
		free(list);
	}
	/* An empty corpus replays nothing: that is a failure too. */
	if (fed == 0) {
		printf("not ok - no corpus file\n");
		bad++;
	}
	return bad != 0;
}
