/* placeholder: being written (issue 5) */
#include "../web.h"
const struct route case_routes[] = {
	{ NULL, NULL, NULL },
};
