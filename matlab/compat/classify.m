function varargout = classify(varargin)
%CLASSIFY  bigru.classify under MATLAB's unqualified name; see help bigru.classify.
[varargout{1:max(nargout, 1)}] = bigru.classify(varargin{:});
end
