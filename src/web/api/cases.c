/* placeholder: being written (issue 5) */
#include "../web.h"
const struct route case_api_routes[] = {
	{ NULL, NULL, NULL },
};
