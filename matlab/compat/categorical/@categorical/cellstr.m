function text = cellstr(c)
%CELLSTR  The category name of each element, '<undefined>' where undefined.
text = repmat({'<undefined>'}, size(c.codes));
defined = c.codes > 0;
text(defined) = c.names(c.codes(defined));
end
