/* placeholder: being written (issue 4) */
#include "../web.h"
const struct route meeting_api_routes[] = {
	{ NULL, NULL, NULL },
};
