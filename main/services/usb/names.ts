// Names and sizes on a stick: what FAT32/NTFS and the provincial portal accept, and bytes as people read them.
import { formatBytes as formatSize } from '../../../shared/format';
/** FAT32 stores a file's size in 32 bits. */
export const FAT32_MAX_FILE_BYTES = 2 ** 32 - 1;
export const MAX_FILE_NAME_CHARS = 120;

/** 4,3 GB — decimal units (as printed on sticks), one decimal kept so a list of sizes reads evenly. */
export const formatBytes = (n: number): string => formatSize(n, { units: 'decimal', decimals: 1, fixed: true });
