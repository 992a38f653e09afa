/* Wine 8 lacks ProcessPrng, which Go 1.24+ programs call at start for
 * random bytes. This stand-in for bcryptprimitives.dll provides it through
 * RtlGenRandom (advapi32's SystemFunction036). Used only by the Wine tests;
 * real Windows has the real DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		length -= chunk;
	}
	return TRUE;
}
