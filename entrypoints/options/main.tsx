import '@/lib/util/zod-config';
import '@/components/theme.css';
import { mountPage } from '@/lib/panel/mount';
import { App } from './App';

mountPage(<App />);
