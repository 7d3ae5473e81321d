function varargout = dlnetwork(varargin)
%DLNETWORK  bigru.dlnetwork under MATLAB's unqualified name; see help bigru.dlnetwork.
[varargout{1:max(nargout, 1)}] = bigru.dlnetwork(varargin{:});
end
