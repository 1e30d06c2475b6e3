import type { JobPosting } from '@/lib/capture/types';
import type { Models } from '@/lib/storage/items';
import CoverLetterCard from './CoverLetterCard';
import TailorCard from './TailorCard';
import type { AiMaster } from './use-ai-inputs';

/** The writing features as one lazy chunk: tailored CV with guided questions, and the cover letter. */
export default function AiWriting(props: { posting: JobPosting; master: AiMaster | null; unreadable: boolean; models: Models }) {
  return (
    <>
      <TailorCard key={`tailor#${props.posting.url}`} {...props} />
      <CoverLetterCard key={`letter#${props.posting.url}`} {...props} />
    </>
  );
}
