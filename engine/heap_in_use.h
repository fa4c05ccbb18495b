// Bytes malloc has handed out and not had back, for memory tests: a training
// loop that stops growing this once warm does not leak (issue 13, "memory over
// time"). The status's heap_in_use_bytes reports it for the browser test.
#pragma once

long long heap_bytes_in_use();
