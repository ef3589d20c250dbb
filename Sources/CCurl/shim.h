#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed door each. */

static inline CURLcode badgekiosk_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode badgekiosk_curl_set_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode badgekiosk_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*badgekiosk_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*badgekiosk_curl_progress_callback)(void *context, curl_off_t download_total, curl_off_t downloaded,
                                                 curl_off_t upload_total, curl_off_t uploaded);

static inline CURLcode badgekiosk_curl_set_data_callback(CURL *handle, CURLoption option,
                                                         badgekiosk_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode badgekiosk_curl_set_progress_callback(CURL *handle, badgekiosk_curl_progress_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode badgekiosk_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode badgekiosk_curl_get_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}
