#include "common/utf8.h"

#include <string.h>

size_t
utf8_count_n(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n && s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

size_t
utf8_count(const char *s)
{
	return utf8_count_n(s, strlen(s));
}
