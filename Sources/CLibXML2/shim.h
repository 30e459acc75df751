#ifndef ASYNCFIX_CLIBXML2_SHIM_H
#define ASYNCFIX_CLIBXML2_SHIM_H

/*
 * libxml2's <libxml/encoding.h> includes the system ICU header <unicode/ucnv.h> when libxml2 was
 * built with ICU (Debian's is). A Swift module that also sees Foundation (which carries its own
 * ICU) then fails a clean build with "'UErrorCode' has different definitions in different
 * modules". libxml2 only needs two ICU types in its public headers (UConverter, UChar), so
 * declare them here and mark ICU's converter header as already included.
 */
#include <stdint.h>
#define UCNV_H
typedef struct UConverter UConverter;
typedef uint16_t UChar;

#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

#endif
