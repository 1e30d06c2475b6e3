import '@/lib/util/zod-config';
import '@/components/theme.css';
import { mountPage } from '@/lib/panel/mount';
import { Shell } from '../sidepanel/Shell';

mountPage(<Shell frame="tab" />);
