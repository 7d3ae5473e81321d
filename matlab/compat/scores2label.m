function varargout = scores2label(varargin)
%SCORES2LABEL  bigru.scores2label under MATLAB's unqualified name; see help bigru.scores2label.
[varargout{1:max(nargout, 1)}] = bigru.scores2label(varargin{:});
end
