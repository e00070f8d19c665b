/* placeholder: being written (issue 4) */
#include "../web.h"
const struct route meeting_routes[] = {
	{ NULL, NULL, NULL },
};
