/* placeholder: being written (issue 4) */
#include "web.h"
const struct route calendar_routes[] = {
	{ NULL, NULL, NULL },
};
