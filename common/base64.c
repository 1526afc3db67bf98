#include "common/base64.h"

#include "common/xalloc.h"

#include <stdlib.h>

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int	b64_value(int);

static int
b64_value(int ch)
{
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9')
		return ch - '0' + 52;
	if (ch == '+')
		return 62;
	if (ch == '/')
		return 63;
	return -1;
}

uint8_t *
base64_decode(const char *s, size_t len, size_t *outlen)
{
	uint8_t *out;
	uint32_t acc = 0;
	size_t i, o = 0, pad = 0;
	int bits = 0, v;

	if (len == 0 || len % 4 != 0)
		return NULL;
	out = xmalloc(len / 4 * 3);
	for (i = 0; i < len; i++) {
		if (s[i] == '=') {
			if (i < len - 2 || ++pad > 2)
				goto bad;
			continue;
		}
		if (pad > 0 || (v = b64_value((unsigned char)s[i])) < 0)
			goto bad;
		acc = (acc << 6) | (uint32_t)v;
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[o++] = (uint8_t)(acc >> bits);
		}
	}
	*outlen = o;
	return out;
bad:
	free(out);
	return NULL;
}

char *
base64_encode(const uint8_t *data, size_t len, bool pad)
{
	char *out = xmalloc((len + 2) / 3 * 4 + 1), *o = out;
	uint32_t v;
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		v = (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8 |
		    data[i + 2];
		*o++ = alphabet[v >> 18];
		*o++ = alphabet[(v >> 12) & 63];
		*o++ = alphabet[(v >> 6) & 63];
		*o++ = alphabet[v & 63];
	}
	if (i < len) {
		v = (uint32_t)data[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)data[i + 1] << 8;
		*o++ = alphabet[v >> 18];
		*o++ = alphabet[(v >> 12) & 63];
		if (i + 1 < len)
			*o++ = alphabet[(v >> 6) & 63];
		else if (pad)
			*o++ = '=';
		if (pad)
			*o++ = '=';
	}
	*o = '\0';
	return out;
}
